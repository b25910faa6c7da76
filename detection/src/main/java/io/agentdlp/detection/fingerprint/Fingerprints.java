package io.agentdlp.detection.fingerprint;

import java.util.Arrays;

/**
 * The winnowed fingerprints of one text, in text order: per fingerprint its 64-bit hash (56-bit shape,
 * 8-bit spelling check, see {@link Fingerprinter}) and the first
 * and last line of the k-gram it stands for (lines of the original text, 1-based), plus how many code
 * tokens the text had. Immutable.
 */
public final class Fingerprints {
    private static final Fingerprints EMPTY = new Fingerprints(new long[0], new int[0], new int[0], 0);

    private final long[] hashes;
    private final int[] startLines;
    private final int[] endLines;
    private final int codeTokens;

    /** Takes ownership of the arrays, which must have the same length. */
    Fingerprints(long[] hashes, int[] startLines, int[] endLines, int codeTokens) {
        if (hashes.length != startLines.length || hashes.length != endLines.length) {
            throw new IllegalArgumentException("hashes, startLines and endLines differ in length: "
                    + hashes.length + ", " + startLines.length + ", " + endLines.length);
        }
        this.hashes = hashes;
        this.startLines = startLines;
        this.endLines = endLines;
        this.codeTokens = codeTokens;
    }

    /** Fingerprints from stored values (e.g. a {@link IndexedDocument}); copies the arrays. */
    public static Fingerprints of(long[] hashes, int[] startLines, int[] endLines, int codeTokens) {
        return new Fingerprints(hashes.clone(), startLines.clone(), endLines.clone(), codeTokens);
    }

    public static Fingerprints empty() {
        return EMPTY;
    }

    public int size() {
        return hashes.length;
    }

    public boolean isEmpty() {
        return hashes.length == 0;
    }

    public long hash(int i) {
        return hashes[i];
    }

    /** The renaming-invariant part of a fingerprint (upper 56 bits): what the index is keyed by. */
    public static long shapeOf(long fingerprint) {
        return fingerprint >>> 8;
    }

    /** The identifier-spelling check of a fingerprint (lowest 8 bits). */
    public static int spellingOf(long fingerprint) {
        return (int) fingerprint & 0xFF;
    }

    public int startLine(int i) {
        return startLines[i];
    }

    public int endLine(int i) {
        return endLines[i];
    }

    /** Tokens the lexer kept (identifiers, keywords, literals, operators). */
    public int codeTokens() {
        return codeTokens;
    }

    public long[] hashes() {
        return hashes.clone();
    }

    public int[] startLines() {
        return startLines.clone();
    }

    public int[] endLines() {
        return endLines.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprints f && codeTokens == f.codeTokens && Arrays.equals(hashes, f.hashes)
                && Arrays.equals(startLines, f.startLines) && Arrays.equals(endLines, f.endLines);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hashes) * 31 + codeTokens;
    }

    @Override
    public String toString() {
        return "Fingerprints[size=" + hashes.length + ", codeTokens=" + codeTokens + "]";
    }
}
