package io.agentdlp.detection.fingerprint;

import java.util.Arrays;

/**
 * The normalised token stream of one text, reused between texts by one thread: per token its symbol
 * ({@link #STRING}, {@link #NUMBER}, {@link #IDENTIFIER}, an ASCII punctuation char, or
 * {@link #KEYWORD_BASE} + keyword id), for identifiers the hash of their spelling (renaming-invariant
 * fingerprints only compare spellings for equality), and the line the token starts on.
 */
final class TokenBuffer {
    static final int STRING = 128;
    static final int NUMBER = 129;
    static final int IDENTIFIER = 130;
    static final int KEYWORD_BASE = 256;

    int[] symbols;
    long[] spellings;
    int[] lines;
    int size;

    TokenBuffer(int capacity) {
        symbols = new int[capacity];
        spellings = new long[capacity];
        lines = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    void add(int symbol, long spelling, int line) {
        if (size == symbols.length) {
            int cap = symbols.length * 2;
            symbols = Arrays.copyOf(symbols, cap);
            spellings = Arrays.copyOf(spellings, cap);
            lines = Arrays.copyOf(lines, cap);
        }
        symbols[size] = symbol;
        spellings[size] = spelling;
        lines[size] = line;
        size++;
    }

    /** True for punctuation and operators: the tokens that tell code from prose. */
    static boolean isStructural(int symbol) {
        return symbol < STRING;
    }
}
