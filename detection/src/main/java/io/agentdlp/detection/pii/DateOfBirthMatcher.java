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
        if (!screening.isUnscreened() && !screening.mayHoldDateOfBirthLabel()) {
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
     * Whether a label can end right before a date starting with the digit run {@code [start, end)}, which is
     * followed by one of {@code - / .} (the walk over the digit runs, {@link DigitRunWalk}, asks only then).
     * The run has 4, 2 or 1 digits (the pattern reads {@code \d{4}} or {@code \d{1,2}} first) and is preceded
     * by nothing but quotes, {@code :}, {@code =} and white space back to the label's last letter; every label
     * alternative holds a piece (ASCII case-insensitive, as the pattern) starting at most {@link #LABEL_REACH}
     * characters before its end: {@code birth}, {@code born}, {@code geburtsdatum}, {@code nacimiento},
     * {@code naissance}, or {@code d}, {@code o}, {@code b} with optional dots between.
     */
    static boolean labelBeforeDate(byte[] text, int start, int end) {
        int length = end - start;
        if (length != 4 && length > 2) {
            return false;
        }
        int labelEnd = labelEnd(text, start);
        return labelEnd >= 2 && labelEnding(charAt(text, labelEnd - 2), charAt(text, labelEnd - 1)) && labelPieceBefore(text, labelEnd);
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
    private static int labelEnd(byte[] text, int dateStart) {
        int e = dateStart;
        while (e > 0 && betweenLabelAndDate(charAt(text, e - 1))) {
            e--;
        }
        return e;
    }

    private static boolean betweenLabelAndDate(char c) {
        return c == '"' || c == '\'' || c == ':' || c == '=' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B'
                || c == '\f' || c == '\r';
    }

    private static boolean labelPieceBefore(byte[] text, int end) {
        for (int i = Math.max(0, end - LABEL_REACH); i < end; i++) {
            char c = (char) (charAt(text, i) | 0x20);
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

    private static boolean dobEndsAt(byte[] text, int b) {
        int i = b - 1;
        if (i >= 0 && text[i] == '.') {
            i--;
        }
        if (i < 0 || (charAt(text, i) | 0x20) != 'o') {
            return false;
        }
        i--;
        if (i >= 0 && text[i] == '.') {
            i--;
        }
        return i >= 0 && (charAt(text, i) | 0x20) == 'd';
    }

    /** Whether {@code lower} is spelled at {@code from}, ASCII case-insensitively (as the pattern's {@code (?i)}). */
    private static boolean at(byte[] text, int from, String lower) {
        if (from < 0 || from + lower.length() > text.length) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (Character.toLowerCase(Character.toUpperCase(charAt(text, from + k))) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The character of a screen byte ({@link ScreenText}): Latin-1, {@code U+00FF} for any above. */
    private static char charAt(byte[] text, int i) {
        return (char) (text[i] & 0xFF);
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
