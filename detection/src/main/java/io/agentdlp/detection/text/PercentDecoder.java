package io.agentdlp.detection.text;

/**
 * Decodes URL percent-escapes ({@code %3D}, {@code %2F}, ...) of ASCII characters, for secrets passed in
 * query strings and form bodies. {@code '+'} stays as is because base64 secrets contain it; escapes of
 * non-ASCII bytes are kept verbatim since credentials are ASCII.
 */
public final class PercentDecoder {
    private PercentDecoder() {
    }

    /** Returns {@code in} itself when it holds no ASCII percent-escape. */
    public static DecodedText decode(DecodedText in) {
        int n = in.length();
        char[] c = in.buffer();
        int first = -1;
        for (int i = 0; i + 2 < n; i++) {
            if (c[i] == '%' && asciiEscape(c, i) >= 0) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return in;
        }
        DecodedTextBuilder out = new DecodedTextBuilder(in, n, in.depth());
        out.copy(0, first);
        int i = first;
        while (i < n) {
            int v = c[i] == '%' && i + 2 < n ? asciiEscape(c, i) : -1;
            if (v >= 0) {
                out.append((char) v, i);
                i += 3;
            } else {
                out.append(c[i], i);
                i++;
            }
        }
        return out.build(n);
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
