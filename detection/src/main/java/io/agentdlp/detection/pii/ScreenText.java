package io.agentdlp.detection.pii;

import java.nio.charset.StandardCharsets;

/**
 * A text with its JSON escapes blanked ({@link PiiScanner#neutraliseEscapes}), its characters as one byte
 * each, which is what the screens read, and its digit runs. A byte is the character itself up to U+00FF and
 * {@code 0xFF} above (no screen takes a character above ASCII for a member, and a text holding one is read
 * as non-ASCII). For a Latin-1 text (nearly all agents' texts) the bytes are the string's own Latin-1 copy,
 * blanked in place, and the blanked string is made from them: one copy of the text, or two with escapes, and
 * no {@code char[]}. Blanking turns two ASCII characters that are not digits into spaces, so the digit runs
 * read before it are the blanked text's.
 */
final class ScreenText {
    private static final byte ABOVE_LATIN1 = (byte) 0xFF;

    private final String text;
    private final byte[] bytes;
    private final DigitRuns digits;

    private ScreenText(String text, byte[] bytes, DigitRuns digits) {
        this.text = text;
        this.bytes = bytes;
        this.digits = digits;
    }

    static ScreenText of(CharSequence input) {
        return of(input, new ScanBuffers());
    }

    /** As {@link #of(CharSequence)}, the digit runs' bounds in {@code buffers}' array. */
    static ScreenText of(CharSequence input, ScanBuffers buffers) {
        String s = input.toString();
        byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
        if (latin1.length != s.length()) {
            // a surrogate pair became one '?'
            return beyondLatin1(s, buffers);
        }
        DigitRuns digits = DigitRuns.of(latin1, s, buffers);
        if (!digits.noReplacement()) {
            return beyondLatin1(s, buffers);
        }
        boolean blanked = false;
        for (int i = s.indexOf('\\'); i >= 0 && i + 1 < s.length(); i = s.indexOf('\\', i + 1)) {
            char next = s.charAt(i + 1);
            if (next == 'n' || next == 'r' || next == 't' || next == '"') {
                latin1[i] = ' ';
                latin1[i + 1] = ' ';
                blanked = true;
                i++;
            } else if (next == '\\') {
                i++;
            }
        }
        return new ScreenText(blanked ? new String(latin1, StandardCharsets.ISO_8859_1) : s, latin1, digits);
    }

    private static ScreenText beyondLatin1(String s, ScanBuffers buffers) {
        String blanked = PiiScanner.neutraliseEscapes(s);
        byte[] bytes = new byte[blanked.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = blanked.charAt(i);
            bytes[i] = c <= 0xFF ? (byte) c : ABOVE_LATIN1;
        }
        return new ScreenText(blanked, bytes, DigitRuns.of(bytes, blanked, buffers));
    }

    /** The blanked text: the text the matchers search and the findings' offsets point into. */
    String text() {
        return text;
    }

    /** One byte per character of {@link #text()}. */
    byte[] bytes() {
        return bytes;
    }

    /** The runs of ASCII digits of {@link #text()}. */
    DigitRuns digits() {
        return digits;
    }
}
