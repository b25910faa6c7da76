package io.agentdlp.detection.text;

import java.util.Objects;

/**
 * A decoded rendering of an original text (JSON-unescaped, prefix-stripped, base64-decoded, ...) that
 * remembers, for every decoded char, the offset in the original text it came from (as runs, see
 * {@link OffsetRuns}). Detectors scan the decoded chars and report locations in the original text through
 * {@link #originalOffset(int)}.
 *
 * <p>Instances are immutable once built and safe to share between threads. The identity rendering
 * ({@link #of(CharSequence)}) keeps no offset map.
 */
public final class DecodedText implements CharSequence {
    private final CharSequence original;
    private final char[] chars;
    private final int length;
    /** Original offsets of the decoded chars; null means identity. */
    private final OffsetRuns origin;
    private final int originEnd;
    private final int depth;

    private DecodedText(CharSequence original, char[] chars, int length, OffsetRuns origin, int originEnd, int depth) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.origin = origin;
        this.originEnd = originEnd;
        this.depth = depth;
    }

    /** The identity rendering of the whole text. */
    public static DecodedText of(CharSequence text) {
        return of(text, text.length());
    }

    /** The identity rendering of the first {@code limit} chars of {@code text}. */
    public static DecodedText of(CharSequence text, int limit) {
        return of(text, limit, RenderingBuffers.unpooled());
    }

    /** The identity rendering of the first {@code limit} chars of {@code text}, copied into {@code buffers}. */
    public static DecodedText of(CharSequence text, int limit, RenderingBuffers buffers) {
        Objects.requireNonNull(text, "text");
        int n = Math.min(limit, text.length());
        char[] c = buffers.take(n);
        if (text instanceof String s) {
            s.getChars(0, n, c, 0);
        } else {
            for (int i = 0; i < n; i++) {
                c[i] = text.charAt(i);
            }
        }
        return new DecodedText(text, c, n, null, n, 0);
    }

    /**
     * The identity rendering of {@code text} over {@code chars}, whose first {@code length} the caller fills before
     * any read.
     */
    static DecodedText ofBuffer(CharSequence text, char[] chars, int length) {
        return new DecodedText(text, chars, length, null, length, 0);
    }

    /** Built by decoders: {@code origin} maps the decoded chars to the original, {@code originEnd} is where they end. */
    static DecodedText mapped(CharSequence original, char[] chars, int length, OffsetRuns origin, int originEnd, int depth) {
        return new DecodedText(original, chars, length, origin, originEnd, depth);
    }

    /** The text this rendering was decoded from (the outermost original, not an intermediate layer). */
    public CharSequence original() {
        return original;
    }

    /** Offset in {@link #original()} of the source of decoded char {@code index} (0..length inclusive). */
    public int originalOffset(int index) {
        if (origin == null) {
            return index;
        }
        return index >= length ? originEnd : origin.originalOffset(index);
    }

    /** The offset map, or null for the identity rendering. */
    OffsetRuns offsetRuns() {
        return origin;
    }

    /** How many base64 layers were decoded to reach this rendering (0 for text decoded in place). */
    public int depth() {
        return depth;
    }

    /** True when no decoding changed anything, so decoded offsets equal original offsets. */
    public boolean isIdentity() {
        return origin == null;
    }

    /**
     * The backing array of decoded chars, valid from 0 to {@link #length()}, for loops that must not pay
     * an interface call per char. Callers must not modify it.
     */
    public char[] buffer() {
        return chars;
    }

    /** Copies decoded chars {@code [start, end)} into a new String. */
    public String substring(int start, int end) {
        return new String(chars, start, end - start);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
