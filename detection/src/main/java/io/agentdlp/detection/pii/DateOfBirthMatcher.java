package io.agentdlp.detection.pii;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real calendar date written right after a field or label that names a date of birth. */
final class DateOfBirthMatcher implements PiiMatcher {
    /** The farthest a label's piece starts before the label's end ({@code birth} of {@code birth_date}, {@code nacimiento}). */
    private static final int LABEL_REACH = 14;
    private static final Pattern DOB = Pattern.compile(
            "(?i)(?:\\bd\\.?o\\.?b\\b|date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|\\bborn(?: on)?|geburtsdatum|fecha[ _]de[ _]nacimiento|date[ _]de[ _]naissance)"
                    + "[\"']?\\s*[:=]?\\s*[\"']?"
                    + "(?:(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})|(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}))(?!\\d)");

    @Override
    public void find(Screening screening, Consumer<PiiCandidate> out) {
        String text = screening.text();
        if (!screening.isUnscreened() && !mayHoldLabel(screening.chars(), screening.digits())) {
            return;
        }
        Matcher m = DOB.matcher(text);
        while (m.find()) {
            int start;
            String iso;
            if (m.group(1) != null) {
                start = m.start(1);
                iso = date(m.group(1), m.group(2), m.group(3));
            } else {
                start = m.start(4);
                int a = Integer.parseInt(m.group(4));
                // day-first unless that is impossible (then US month-first)
                iso = a > 12 ? date(m.group(6), m.group(5), m.group(4))
                        : firstNonNull(date(m.group(6), m.group(5), m.group(4)), date(m.group(6), m.group(4), m.group(5)));
            }
            if (iso != null) {
                out.accept(new PiiCandidate(PiiType.DATE_OF_BIRTH, start, m.end(), iso, 0.85));
            }
        }
    }

    /**
     * Whether a label can end right before a date. The date starts with the first digit of a run of
     * ASCII digits, preceded by nothing but quotes, {@code :}, {@code =} and white space back to the
     * label's last letter; every label alternative holds a piece (ASCII case-insensitive, as the
     * pattern) starting at most {@link #LABEL_REACH} characters before its end: {@code birth},
     * {@code born}, {@code geburtsdatum}, {@code nacimiento}, {@code naissance}, or {@code d},
     * {@code o}, {@code b} with optional dots between.
     */
    static boolean mayHoldLabel(char[] text, DigitRuns digits) {
        for (int r = 0; r < digits.size(); r++) {
            if (!mayStartDate(text, digits.start(r), digits.end(r))) {
                continue;
            }
            int end = labelEnd(text, digits.start(r));
            if (end >= 2 && labelEnding(text[end - 2], text[end - 1]) && labelPieceBefore(text, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the digit run {@code [start, end)} can be the first group of a date: the pattern reads
     * {@code \d{4}} or {@code \d{1,2}} and then one of {@code - / .}, so the run has 4, 2 or 1 digits
     * and one of those follows it. Most digit runs (hex digests) fail this before any label is looked for.
     */
    private static boolean mayStartDate(char[] text, int start, int end) {
        int length = end - start;
        if ((length != 4 && length > 2) || end == text.length) {
            return false;
        }
        char next = text[end];
        return next == '-' || next == '/' || next == '.';
    }

    /**
     * Whether two characters can end a label (ASCII case-insensitive): {@code ob} or {@code .b}
     * (dob), {@code th} (birth), {@code te} (birth date), {@code ay} (birthday), {@code rn} or
     * {@code on} (born, born on), {@code um} (geburtsdatum), {@code to} (nacimiento), {@code ce}
     * (naissance). Cheap enough to try before every digit run (hex strings have hundreds).
     */
    private static boolean labelEnding(char a, char b) {
        char x = (char) (a | 0x20);
        return switch ((char) (b | 0x20)) {
            case 'b' -> x == 'o' || a == '.';
            case 'h' -> x == 't';
            case 'e' -> x == 't' || x == 'c';
            case 'y' -> x == 'a';
            case 'n' -> x == 'r' || x == 'o';
            case 'm' -> x == 'u';
            case 'o' -> x == 't';
            default -> false;
        };
    }

    /** Where a label would end for a date starting at {@code dateStart}: skips back over {@code ["']?\s*[:=]?\s*["']?}. */
    private static int labelEnd(char[] text, int dateStart) {
        int e = dateStart;
        while (e > 0 && betweenLabelAndDate(text[e - 1])) {
            e--;
        }
        return e;
    }

    private static boolean betweenLabelAndDate(char c) {
        return c == '"' || c == '\'' || c == ':' || c == '=' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B'
                || c == '\f' || c == '\r';
    }

    private static boolean labelPieceBefore(char[] text, int end) {
        for (int i = Math.max(0, end - LABEL_REACH); i < end; i++) {
            char c = (char) (text[i] | 0x20);
            if (c == 'b') {
                if (at(text, i, "birth") || at(text, i, "born") || at(text, i - 2, "geburtsdatum") || dobEndsAt(text, i)) {
                    return true;
                }
            } else if (c == 'n' && (at(text, i, "nacimiento") || at(text, i, "naissance"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean dobEndsAt(char[] text, int b) {
        int i = b - 1;
        if (i >= 0 && text[i] == '.') {
            i--;
        }
        if (i < 0 || (text[i] | 0x20) != 'o') {
            return false;
        }
        i--;
        if (i >= 0 && text[i] == '.') {
            i--;
        }
        return i >= 0 && (text[i] | 0x20) == 'd';
    }

    /** Whether {@code lower} is spelled at {@code from}, ASCII case-insensitively (as the pattern's {@code (?i)}). */
    private static boolean at(char[] text, int from, String lower) {
        if (from < 0 || from + lower.length() > text.length) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (Character.toLowerCase(Character.toUpperCase(text[from + k])) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String date(String y, String mo, String d) {
        int year = Integer.parseInt(y);
        if (year < 1900 || !NationalIdMatchers.validDate(year, mo, d)) {
            return null;
        }
        return y + "-" + (mo.length() == 1 ? "0" + mo : mo) + "-" + (d.length() == 1 ? "0" + d : d);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
