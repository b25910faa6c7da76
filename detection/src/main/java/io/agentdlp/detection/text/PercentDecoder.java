package io.agentdlp.detection.text;

import java.util.Arrays;

/**
 * Decodes URL percent-escapes ({@code %3D}, {@code %2F}, ...) of ASCII characters, for secrets passed in
 * query strings and form bodies. {@code '+'} stays as is because base64 secrets contain it; escapes of
 * non-ASCII bytes are kept verbatim since credentials are ASCII.
 */
public final class PercentDecoder {
    /** How far a segment of {@link #decodeNearEscapes} may grow to reach whitespace. */
    private static final int MAX_SNAP = 256;

    private PercentDecoder() {
    }

    /** Returns {@code in} itself when it holds no ASCII percent-escape. */
    public static DecodedText decode(DecodedText in) {
        int n = in.length();
        int first = nextEscape(in.buffer(), n, 0);
        if (first < 0) {
            return in;
        }
        DecodedTextBuilder out = new DecodedTextBuilder(in, n, in.depth(), RenderingBuffers.unpooled());
        out.copy(0, first);
        decodeRange(in, first, n, out);
        return out.build(n);
    }

    /**
     * The percent-decoded rendering of only the parts of {@code in} within {@code margin} chars of an
     * escape: the rest decodes to itself and needs no second look. Each part is widened to the nearest
     * whitespace (at most {@value #MAX_SNAP} chars further) so that it does not start or end inside a
     * token, and parts are joined with {@code '\n'}. Every match lying within {@code margin} chars of an
     * escape it contains is therefore in the result. Returns {@code in} itself when it holds no escape.
     */
    public static DecodedText decodeNearEscapes(DecodedText in, int margin) {
        return decodeNearEscapes(in, margin, RenderingBuffers.unpooled());
    }

    /** As {@link #decodeNearEscapes(DecodedText, int)}, decoding into {@code buffers}. */
    public static DecodedText decodeNearEscapes(DecodedText in, int margin, RenderingBuffers buffers) {
        char[] c = in.buffer();
        int n = in.length();
        int[] escapes = new int[8];
        int count = 0;
        for (int e = nextEscape(c, n, 0); e >= 0; e = nextEscape(c, n, e + 1)) {
            if (count == escapes.length) {
                escapes = Arrays.copyOf(escapes, count * 2);
            }
            escapes[count++] = e;
        }
        return decodeAround(in, margin, escapes, count, buffers);
    }

    /**
     * As {@link #decodeNearEscapes(DecodedText, int, RenderingBuffers)} for a caller that already found every
     * {@code '%'} of the text: {@code percents[0, count)} are their indices in increasing order (the keyword
     * automaton reports each), so the text is not searched again.
     */
    public static DecodedText decodeNearEscapes(DecodedText in, int margin, int[] percents, int count, RenderingBuffers buffers) {
        return decodeAround(in, margin, percents, count, buffers);
    }

    /** The rendering around those of {@code percents[0, count)} (increasing indices of {@code '%'}) that start an escape. */
    private static DecodedText decodeAround(DecodedText in, int margin, int[] percents, int count, RenderingBuffers buffers) {
        char[] c = in.buffer();
        int n = in.length();
        int k = nextEscape(c, n, percents, count, 0);
        if (k == count) {
            return in;
        }
        int[] ranges = new int[8];
        int rangeCount = 0;
        while (k < count) {
            int e = percents[k];
            int start = Math.max(0, e - margin);
            int end = (int) Math.min(n, (long) e + 3 + margin);
            if (rangeCount > 0 && start <= ranges[rangeCount - 1]) {
                ranges[rangeCount - 1] = Math.max(ranges[rangeCount - 1], end);
            } else {
                if (rangeCount == ranges.length) {
                    ranges = Arrays.copyOf(ranges, rangeCount * 2);
                }
                ranges[rangeCount++] = snapBack(c, start);
                ranges[rangeCount++] = end;
            }
            k = nextEscape(c, n, percents, count, k + 1);
        }
        DecodedTextBuilder out = new DecodedTextBuilder(in, Math.min(n, rangeCount / 2 * (2 * margin + 2 * MAX_SNAP + 4)), in.depth(), buffers);
        int previousEnd = -1;
        for (int r = 0; r < rangeCount; r += 2) {
            int start = Math.max(ranges[r], previousEnd);
            int end = snapForward(c, n, ranges[r + 1]);
            if (end <= start) {
                continue;
            }
            if (start > previousEnd && previousEnd >= 0) {
                out.append('\n', previousEnd);
            }
            decodeRange(in, start, end, out);
            previousEnd = end;
        }
        return out.build(previousEnd);
    }

    private static void decodeRange(DecodedText in, int from, int to, DecodedTextBuilder out) {
        char[] c = in.buffer();
        int n = in.length();
        int i = from;
        while (i < to) {
            int v = c[i] == '%' && i + 2 < n ? asciiEscape(c, i) : -1;
            if (v >= 0) {
                out.append((char) v, i);
                i += 3;
            } else {
                int run = i + 1;
                while (run < to && c[run] != '%') {
                    run++;
                }
                out.copy(i, run);
                i = run;
            }
        }
    }

    private static int nextEscape(char[] c, int n, int from) {
        for (int i = from; i + 2 < n; i++) {
            if (c[i] == '%' && asciiEscape(c, i) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code k >= from} whose {@code percents[k]} starts an escape, or {@code count}. */
    private static int nextEscape(char[] c, int n, int[] percents, int count, int from) {
        for (int k = from; k < count; k++) {
            int i = percents[k];
            if (i + 2 < n && asciiEscape(c, i) >= 0) {
                return k;
            }
        }
        return count;
    }

    private static int snapBack(char[] c, int at) {
        for (int i = at; i > 0 && at - i < MAX_SNAP; i--) {
            if (isSpace(c[i - 1])) {
                return i;
            }
        }
        return at;
    }

    private static int snapForward(char[] c, int n, int at) {
        for (int i = at; i < n && i - at < MAX_SNAP; i++) {
            if (isSpace(c[i])) {
                return i;
            }
        }
        return at;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static int asciiEscape(char[] c, int at) {
        int hi = Character.digit(c[at + 1], 16);
        int lo = Character.digit(c[at + 2], 16);
        if (hi < 0 || lo < 0) {
            return -1;
        }
        int v = hi << 4 | lo;
        return v < 0x80 && v >= 0x09 ? v : -1;
    }
}
