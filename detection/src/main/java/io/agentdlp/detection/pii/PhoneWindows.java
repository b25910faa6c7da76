package io.agentdlp.detection.pii;

import java.util.Arrays;

/**
 * The stretches of a text where libphonenumber's candidate pattern can match: maximal runs of
 * digits, its punctuation ({@code - x ( ) [ ] . / ~} and spaces), plus signs and the pieces of its
 * extension syntax ({@code ext}, {@code int}, {@code anexo}, {@code #}, {@code ;ext=}, a colon
 * after a label). A word of ASCII letters belongs to a run only when it is a whole extension label,
 * because the pattern takes a label between a digit or separator and a separator or digit; any
 * non-ASCII character belongs (Unicode digits, full-width signs, case-folded letters).
 */
final class PhoneWindows {
    /** The words an extension label can be ({@code e?xt(?:ensi(?:o\u0301?|ó))?n?}, {@code int}, {@code anexo}, {@code x}). */
    private static final String[] LABELS = {"x", "xt", "ext", "xtn", "extn", "int", "anexo", "xtensi", "extensi",
            "xtensin", "extensin", "xtensio", "extensio", "xtension", "extension"};
    /** The labels by length: most words next to digits (the letters of hex digests) have no label of their length to compare. */
    private static final String[][] LABELS_BY_LENGTH = new String[10][];
    private static final boolean[] MEMBER = new boolean[128];
    /** The letters of the labels, lower case. */
    private static final boolean[] LABEL_LETTER = new boolean[128];
    /** The first two letters of a label (index {@code 128 * first + second}, second 0 for a one-letter label), lower case. */
    private static final boolean[] LABEL_START = new boolean[128 * 128];
    /** The letters a label can end with, lower case. */
    private static final boolean[] LABEL_LAST_LETTER = new boolean[128];
    /** The letters a label can start with, lower case. */
    private static final boolean[] LABEL_FIRST_LETTER = new boolean[128];

    static {
        for (int length = 0; length < LABELS_BY_LENGTH.length; length++) {
            int l = length;
            LABELS_BY_LENGTH[length] = Arrays.stream(LABELS).filter(label -> label.length() == l).toArray(String[]::new);
        }
        for (char c : "0123456789 \t()[].\\/~-+#,;=".toCharArray()) {
            MEMBER[c] = true;
        }
        for (String label : LABELS) {
            for (char c : label.toCharArray()) {
                LABEL_LETTER[c] = true;
            }
            LABEL_START[128 * label.charAt(0) + (label.length() > 1 ? label.charAt(1) : 0)] = true;
            LABEL_LAST_LETTER[label.charAt(label.length() - 1)] = true;
            LABEL_FIRST_LETTER[label.charAt(0)] = true;
        }
    }

    /** Receives one run: its bounds, digits, label letters and whether it has a plus or a non-ASCII character. */
    @FunctionalInterface
    interface Window {
        void accept(int start, int end, int digits, int letters, boolean plusOrNonAscii, boolean separator);
    }

    private PhoneWindows() {
    }

    /**
     * The most digits a number read from a window can have: its digits, and its label letters when there are three
     * or more (libphonenumber may read those as keypad letters).
     */
    static int reachableDigits(int digits, int letters) {
        return digits + (letters >= 3 ? letters : 0);
    }

    /** Every run of the text. */
    static void forEach(char[] text, Window out) {
        run(text, 0, text.length, out);
    }

    /**
     * Whether {@code c}, right before a digit run of an ASCII text, is no member whatever precedes it: a
     * character that is never one, or a letter no label ends with. Otherwise {@link #noMemberBefore} decides.
     */
    static boolean neverMemberBefore(char c) {
        return isLetter(c) ? !LABEL_LAST_LETTER[c | 0x20] : neverMember(c);
    }

    /**
     * Whether {@code c}, right after a digit run of an ASCII text, is no member whatever follows it: a colon
     * (a member only after a label), a character that is never one, or a letter no label starts with.
     * Otherwise {@link #noMemberAfter} decides.
     */
    static boolean neverMemberAfter(char c) {
        return isLetter(c) ? !LABEL_FIRST_LETTER[c | 0x20] : c == ':' || neverMember(c);
    }

    /** Whether {@code text[at - 1]} is no member, in an ASCII text, when {@code text[at]} is no letter (a digit, say). */
    static boolean noMemberBefore(byte[] text, int at) {
        char c = charAt(text, at - 1);
        if (!isLetter(c)) {
            return neverMember(c);
        }
        if (!LABEL_LAST_LETTER[c | 0x20]) {
            return true;
        }
        int word = at - 1;
        while (word > 0 && isLetter(charAt(text, word - 1))) {
            word--;
        }
        return !label(text, word, at);
    }

    /** Whether {@code text[at]} is no member, in an ASCII text, when {@code text[at - 1]} is a digit or a separator (no letter, {@code #} or {@code ~}). */
    static boolean noMemberAfter(byte[] text, int at) {
        char c = charAt(text, at);
        if (!isLetter(c)) {
            return c == ':' || neverMember(c);
        }
        char second = at + 1 < text.length && isLetter(charAt(text, at + 1)) ? (char) (charAt(text, at + 1) | 0x20) : 0;
        if (!LABEL_START[128 * (c | 0x20) + second]) {
            return true;
        }
        int word = at + 1;
        while (word < text.length && isLetter(charAt(text, word))) {
            word++;
        }
        return !label(text, at, word);
    }

    /**
     * Whether {@code c} is a member wherever it stands and keeps a colon right after it out: a separator or
     * bracket ({@code # ~} and a colon are not: a colon after {@code #} or {@code ~} is a member). Reading such
     * characters and digits alone can prove where a window ends ({@link DigitRunWalk}).
     */
    static boolean plainMember(char c) {
        return c < 128 && MEMBER[c] && !DigitRuns.isDigit(c) && c != '#' && c != '~';
    }

    /**
     * Whether {@code text[at]} is a colon that is no member, in an ASCII text: a colon is one only right after a
     * label, {@code #} or {@code ~} while a run is open, and a word that is no label closes the run.
     */
    static boolean colonOutsideRun(byte[] text, int at) {
        if (text[at] != ':') {
            return false;
        }
        if (at == 0) {
            return true;
        }
        char prev = charAt(text, at - 1);
        return isLetter(prev) ? noMemberBefore(text, at) : prev != '#' && prev != '~';
    }

    private static boolean neverMember(char c) {
        return c < 128 && !MEMBER[c] && c != ':' && (!isLetter(c) || !LABEL_LETTER[c | 0x20]);
    }

    /**
     * The nearest point at or before {@code anchor} (and not before {@code floor}, where the reading stands
     * outside any run) where the whole-text reading stands outside any run: after a character that is never
     * a member or after a word that is not a label (a colon's membership depends on what precedes it, so
     * the search steps over colons).
     */
    static int outsideBefore(byte[] text, int anchor, int floor) {
        int j = anchor;
        while (j > floor) {
            char c = charAt(text, j - 1);
            if (isLetter(c)) {
                int word = j - 1;
                while (word > floor && isLetter(charAt(text, word - 1))) {
                    word--;
                }
                if (!label(text, word, j)) {
                    return j;
                }
                j = word;
            } else if (c == ':' || (c < 128 && MEMBER[c])) {
                j--;
            } else {
                return j;
            }
        }
        return j;
    }

    /**
     * As {@link #run} for an ASCII text whose digit runs are {@code digits}, {@code r} being one that starts
     * at or after {@code from}: each digit met starts a digit run, which is read in one step.
     */
    static int runAscii(byte[] text, DigitRuns digits, int r, int from, int until, Window out) {
        int k = r;
        while (k > 0 && digits.start(k - 1) >= from) {
            k--;
        }
        int n = text.length;
        int start = -1;
        int digitCount = 0;
        int letters = 0;
        boolean plus = false;
        boolean separator = false;
        int i = from;
        while (i < n) {
            if (start < 0 && i >= until) {
                return i;
            }
            char c = charAt(text, i);
            int next;
            boolean member;
            if (DigitRuns.isDigit(c)) {
                next = digits.end(k++);
                digitCount += next - i;
                member = true;
            } else if (isLetter(c)) {
                next = i + 1;
                while (next < n && isLetter(charAt(text, next))) {
                    next++;
                }
                member = label(text, i, next);
                if (member) {
                    letters += next - i;
                }
            } else if (c == ':') {
                next = i + 1;
                char prev = i > 0 ? charAt(text, i - 1) : ' ';
                member = start >= 0 && (isLetter(prev) || prev == '#' || prev == '~');
            } else {
                next = i + 1;
                member = MEMBER[c];
                if (c == '+') {
                    plus = true;
                    separator = true;
                } else if (c == ' ' || c == '-' || c == '(' || c == '.') {
                    separator = true;
                }
            }
            if (member) {
                if (start < 0) {
                    start = i;
                }
            } else {
                if (start >= 0) {
                    out.accept(start, i, digitCount, letters, plus, separator);
                    start = -1;
                }
                digitCount = 0;
                letters = 0;
                plus = false;
                separator = false;
            }
            i = next;
        }
        if (start >= 0) {
            out.accept(start, n, digitCount, letters, plus, separator);
        }
        return n;
    }

    /**
     * Reads from {@code from}, where no run is open, reporting runs, until the reading stands outside
     * any run at or after {@code until}; returns where it stopped.
     */
    static int run(char[] text, int from, int until, Window out) {
        int n = text.length;
        int start = -1;
        int digits = 0;
        int letters = 0;
        boolean plus = false;
        boolean separator = false;
        int i = from;
        while (i < n) {
            if (start < 0 && i >= until) {
                return i;
            }
            char c = text[i];
            int next = i + 1;
            boolean member;
            if (c >= 128) {
                member = true;
                plus = true;
                if (Character.isDigit(c)) {
                    digits++;
                }
            } else if (isLetter(c)) {
                while (next < n && isLetter(text[next])) {
                    next++;
                }
                member = label(text, i, next) || (i > 0 && text[i - 1] >= 128) || (next < n && text[next] >= 128);
                if (member) {
                    letters += next - i;
                }
            } else if (c == ':') {
                // only right after a label ("ext: 12", "#: 12")
                char prev = i > 0 ? text[i - 1] : ' ';
                member = start >= 0 && (isLetter(prev) || prev == '#' || prev == '~' || prev >= 128);
            } else {
                member = MEMBER[c];
                if (c >= '0' && c <= '9') {
                    digits++;
                } else if (c == '+') {
                    plus = true;
                    separator = true;
                } else if (c == ' ' || c == '-' || c == '(' || c == '.') {
                    separator = true;
                }
            }
            if (member) {
                if (start < 0) {
                    start = i;
                }
            } else {
                if (start >= 0) {
                    out.accept(start, i, digits, letters, plus, separator);
                    start = -1;
                }
                digits = 0;
                letters = 0;
                plus = false;
                separator = false;
            }
            i = next;
        }
        if (start >= 0) {
            out.accept(start, n, digits, letters, plus, separator);
        }
        return n;
    }

    /** An ASCII letter: folding to lower case and one unsigned comparison, no branch to mispredict in mixed text. */
    private static boolean isLetter(char c) {
        return (char) ((c | 0x20) - 'a') < 26;
    }

    /** The character of a screen byte ({@link ScreenText}): Latin-1, {@code U+00FF} for any above. */
    private static char charAt(byte[] text, int i) {
        return (char) (text[i] & 0xFF);
    }

    /** Most words next to digits start with letters no label starts with: one table look-up decides them. */
    private static boolean label(byte[] text, int from, int to) {
        int length = to - from;
        if (length >= LABELS_BY_LENGTH.length
                || !LABEL_START[128 * (text[from] | 0x20) + (length > 1 ? text[from + 1] | 0x20 : 0)]) {
            return false;
        }
        for (String label : LABELS_BY_LENGTH[length]) {
            if (equalsIgnoringCase(text, from, label)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII letters at {@code from} spell {@code lower} in any case. */
    private static boolean equalsIgnoringCase(byte[] text, int from, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((text[from + k] | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean label(char[] text, int from, int to) {
        int length = to - from;
        if (length >= LABELS_BY_LENGTH.length) {
            return false;
        }
        for (String label : LABELS_BY_LENGTH[length]) {
            if (equalsIgnoringCase(text, from, label)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII letters at {@code from} spell {@code lower} in any case. */
    private static boolean equalsIgnoringCase(char[] text, int from, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((text[from + k] | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
