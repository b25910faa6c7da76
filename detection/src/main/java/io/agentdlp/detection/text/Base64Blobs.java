package io.agentdlp.detection.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds base64 runs of plausible length (standard or URL-safe alphabet, optionally wrapped over lines of
 * at least {@value #MIN_WRAPPED_LINE} chars) and decodes those whose content is text, so that secrets in
 * base64-wrapped blobs (Kubernetes Secret data, encoded configs, {@code base64} command output) can be
 * rescanned. Decoded bytes map one-to-one to chars (ISO-8859-1); each decoded char maps back to the
 * base64 quantum it came from.
 */
public final class Base64Blobs {
    /** Shortest run worth decoding: 24 decoded bytes. */
    public static final int MIN_RUN = 32;
    static final int MIN_WRAPPED_LINE = 60;
    private static final int MAX_RUN = 1 << 22;
    /**
     * Each char's 6-bit value, -1 outside both alphabets. Over every {@code char}, so that the run search, which
     * tests each char of the text, reads one constant array without a range check or a test for ASCII.
     */
    private static final byte[] VALUE = new byte[Character.MAX_VALUE + 1];

    /**
     * Per decoded byte: 0 when no text holds it, 1 for an ASCII text byte, 3 for a byte of UTF-8 or Latin-1 text
     * above ASCII (bit 1 counts it as non-ASCII); one load instead of the test's compares, three bytes at a time.
     */
    private static final byte[] TEXT_BYTE = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            TEXT_BYTE[b] = (byte) (!isTextByte(b) ? 0 : b >= 0x80 ? 3 : 1);
        }
        java.util.Arrays.fill(VALUE, (byte) -1);
        String std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < std.length(); i++) {
            VALUE[std.charAt(i)] = (byte) i;
        }
        VALUE['-'] = 62;
        VALUE['_'] = 63;
    }

    private Base64Blobs() {
    }

    /** Decoded renderings of the text-like base64 runs of {@code in}, in order of appearance. */
    public static List<DecodedText> decodeAll(DecodedText in) {
        return decodeAll(in, RenderingBuffers.unpooled());
    }

    /** As {@link #decodeAll(DecodedText)}, decoding into {@code buffers}. */
    public static List<DecodedText> decodeAll(DecodedText in, RenderingBuffers buffers) {
        List<DecodedText> out = null;
        char[] trial = null;
        char[] c = in.buffer();
        int n = in.length();
        int i = 0;
        // A run whose first line is shorter than MIN_RUN is never decoded (only lines of at least
        // MIN_WRAPPED_LINE chars wrap), so a run starts at the first i whose next MIN_RUN chars are all base64.
        // Most runs are words: the last non-base64 char among the next MIN_RUN chars, found from the far end,
        // lets the scan jump past them without a look at each, whether or not the char at i is base64 (no
        // start lies between i and that char).
        while (i + MIN_RUN <= n) {
            int k = i + MIN_RUN - 1;
            while (k >= i && isB64(c[k])) {
                k--;
            }
            if (k >= i) {
                i = k + 1;
                continue;
            }
            int start = i;
            int count = 0;
            int lineStart = start;
            // the probe saw the run's first MIN_RUN chars: its first line is walked on from there
            i += MIN_RUN;
            while (true) {
                // one line of the run in a tight loop; most runs are words that end here
                int stop = Math.min(n, lineStart + (MAX_RUN - count));
                while (i < stop && isB64(c[i])) {
                    i++;
                }
                int lineLen = i - lineStart;
                count += lineLen;
                if (i < n && count < MAX_RUN && (c[i] == '\n' || c[i] == '\r') && lineLen >= MIN_WRAPPED_LINE && i + 1 < n
                        && (isB64(c[i + 1]) || c[i + 1] == '\n' && i + 2 < n && isB64(c[i + 2]))) {
                    i += c[i + 1] == '\n' ? 2 : 1;
                    lineStart = i;
                } else {
                    break;
                }
            }
            int end = i;
            while (i < n && c[i] == '=') {
                i++;
            }
            if (count >= MIN_RUN && (start == 0 || !isWordBefore(c[start - 1]))) {
                if (trial == null || trial.length < count * 3 / 4) {
                    trial = buffers.scratch(count * 3 / 4);
                }
                DecodedText d = decode(in, start, end, count, trial, buffers);
                if (d != null) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(d);
                }
            }
        }
        return out == null ? List.of() : out;
    }

    private static boolean isWordBefore(char c) {
        // a run glued to '%' or '\' is an escape sequence tail, not a blob
        return c == '%' || c == '\\';
    }

    private static boolean isB64(char c) {
        return VALUE[c] >= 0;
    }

    private static DecodedText decode(DecodedText in, int start, int end, int count, char[] bytes, RenderingBuffers buffers) {
        // most runs (hashes, tokens, binary) fail the text test within a few bytes: decode into scratch first,
        // and build the rendering (its buffer and offset runs) only for a run that is text
        int capacity = count * 3 / 4;
        int produced = decodeText(in.buffer(), start, end, bytes);
        if (produced < 0) {
            return null;
        }
        // one offset run per quantum: sized for them all, the runs never grow
        DecodedTextBuilder out = new DecodedTextBuilder(in, capacity, produced / 3 + 1, in.depth() + 1, buffers);
        out.appendQuanta(bytes, produced, start);
        return out.build(end);
    }

    /** Decodes the run into {@code out}; the number of bytes, or -1 when they are not text. */
    private static int decodeText(char[] c, int start, int end, char[] out) {
        int acc = 0;
        int bits = 0;
        int nonAscii = 0;
        int produced = 0;
        int i = start;
        while (i < end) {
            // a whole quantum on one line gives three bytes at once; a line break (value -1) makes the sum negative
            if (bits == 0 && i + 4 <= end) {
                int v = VALUE[c[i]] << 18 | VALUE[c[i + 1]] << 12 | VALUE[c[i + 2]] << 6 | VALUE[c[i + 3]];
                if (v >= 0) {
                    int b0 = v >>> 16;
                    int b1 = v >>> 8 & 0xff;
                    int b2 = v & 0xff;
                    int k0 = TEXT_BYTE[b0];
                    int k1 = TEXT_BYTE[b1];
                    int k2 = TEXT_BYTE[b2];
                    if ((k0 & k1 & k2) == 0) {
                        return -1;
                    }
                    nonAscii += (k0 >> 1) + (k1 >> 1) + (k2 >> 1);
                    out[produced] = (char) b0;
                    out[produced + 1] = (char) b1;
                    out[produced + 2] = (char) b2;
                    produced += 3;
                    i += 4;
                    continue;
                }
            }
            char ch = c[i++];
            if (ch == '\n' || ch == '\r') {
                continue;
            }
            acc = acc << 6 | VALUE[ch];
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                int b = acc >> bits & 0xff;
                int kind = TEXT_BYTE[b];
                if (kind == 0) {
                    return -1;
                }
                nonAscii += kind >> 1;
                out[produced++] = (char) b;
            }
        }
        // random binary passes the per-byte test often enough only through high bytes, which text rarely has
        return produced >= 8 && nonAscii * 10 <= produced ? produced : -1;
    }

    private static boolean isTextByte(int b) {
        return b >= 0x20 && b < 0x7f || b == '\n' || b == '\r' || b == '\t' || b >= 0x80 && b <= 0xf4 && b != 0xc0 && b != 0xc1;
    }
}
