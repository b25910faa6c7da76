package io.agentdlp.detection.fingerprint;

import java.util.Arrays;

/**
 * The normalised token stream of one text, reused between texts by one thread: per token its symbol
 * ({@link #STRING}, {@link #NUMBER}, {@link #IDENTIFIER}, an ASCII punctuation char, or
 * {@link #KEYWORD_BASE} + keyword id), its spelled value (for identifiers the hash of their spelling,
 * for every other token the value of its symbol), and the line the token starts on.
 *
 * <p>Identifiers are linked to the previous identifier of the same spelling as they are added, when that
 * one is less than {@code window} tokens back (the k of the k-grams): {@link #entering} holds each token's
 * value as it enters a k-gram (the back reference, or the value of its symbol) and {@link #laterDistance}
 * the distance to the identifier that refers back to it (0 for none), so the rolling hash needs no search
 * and no branch per token.
 */
final class TokenBuffer {
    static final int STRING = 128;
    static final int NUMBER = 129;
    static final int IDENTIFIER = 130;
    static final int KEYWORD_BASE = 256;
    private static final int SLOTS = 256;
    private static final int NONE = -(1 << 30);

    private final int window;
    int[] symbols;
    long[] spellings;
    long[] entering;
    int[] laterDistance;
    int[] lines;
    int size;
    /** Last position of a spelling by slot: a direct-mapped table of the identifiers in the window. */
    private final long[] slotSpellings = new long[SLOTS];
    private final int[] slotPositions = new int[SLOTS];

    TokenBuffer(int capacity, int window) {
        this.window = window;
        symbols = new int[capacity];
        spellings = new long[capacity];
        entering = new long[capacity];
        laterDistance = new int[capacity];
        lines = new int[capacity];
        Arrays.fill(slotPositions, NONE);
    }

    void clear() {
        size = 0;
        Arrays.fill(slotPositions, NONE);
    }

    /** Adds a token other than an identifier. */
    void add(int symbol, int line) {
        ensureRoom();
        int i = size;
        long value = Fingerprinter.SYMBOL_VALUES[symbol];
        symbols[i] = symbol;
        spellings[i] = value;
        entering[i] = value;
        laterDistance[i] = 0;
        lines[i] = line;
        size = i + 1;
    }

    /** Adds an identifier with the hash of its spelling. */
    void addIdentifier(long spelling, int line) {
        ensureRoom();
        int i = size;
        int slot = (int) (spelling >>> 56);
        int last = slotPositions[slot];
        int distance = 0;
        if (i - last < window) {
            // the slot holds the latest identifier of all spellings that share it: if that one is another
            // spelling, an earlier one of this spelling may still be in the window
            distance = slotSpellings[slot] == spelling ? i - last : searchBack(i, spelling);
        }
        slotSpellings[slot] = spelling;
        slotPositions[slot] = i;
        symbols[i] = IDENTIFIER;
        spellings[i] = spelling;
        if (distance > 0) {
            entering[i] = Fingerprinter.REFERENCE_VALUES[distance];
            laterDistance[i - distance] = distance;
        } else {
            entering[i] = Fingerprinter.SYMBOL_VALUES[IDENTIFIER];
        }
        laterDistance[i] = 0;
        lines[i] = line;
        size = i + 1;
    }

    private int searchBack(int i, long spelling) {
        int stop = Math.max(0, i - window + 1);
        for (int j = i - 1; j >= stop; j--) {
            if (spellings[j] == spelling && symbols[j] == IDENTIFIER) {
                return i - j;
            }
        }
        return 0;
    }

    private void ensureRoom() {
        if (size == symbols.length) {
            int cap = symbols.length * 2;
            symbols = Arrays.copyOf(symbols, cap);
            spellings = Arrays.copyOf(spellings, cap);
            entering = Arrays.copyOf(entering, cap);
            laterDistance = Arrays.copyOf(laterDistance, cap);
            lines = Arrays.copyOf(lines, cap);
        }
    }

    /** True for punctuation and operators: the tokens that tell code from prose. */
    static boolean isStructural(int symbol) {
        return symbol < STRING;
    }
}
