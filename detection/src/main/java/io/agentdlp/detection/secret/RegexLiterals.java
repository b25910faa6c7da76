package io.agentdlp.detection.secret;

/**
 * What the hand-written matchers read where a rule's regex spells text literally: a word (ASCII case
 * folded under {@code (?i)}) and a bounded run of {@code \s}, exactly as {@link java.util.regex.Pattern}
 * decides them without {@code UNICODE_CHARACTER_CLASS}.
 */
final class RegexLiterals {
    private RegexLiterals() {
    }

    /**
     * Whether {@code word} stands at {@code i}, within {@code end}; with {@code ignoreCase} ASCII letters match
     * either case ({@code word} then in lower case).
     */
    static boolean wordAt(char[] text, int i, int end, String word, boolean ignoreCase) {
        if (end - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char c = text[i + k];
            if (ignoreCase && c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The end of the run of at most {@code max} {@code \s} chars ({@code [ \t\n\x0B\f\r]}) from {@code i}. */
    static int blanks(char[] text, int i, int end, int max) {
        int stop = Math.min(end, i + max);
        while (i < stop && isBlank(text[i])) {
            i++;
        }
        return i;
    }

    /** A char of {@code \s}. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
