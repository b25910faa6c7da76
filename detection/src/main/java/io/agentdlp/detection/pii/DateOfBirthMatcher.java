package io.agentdlp.detection.pii;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real calendar date written right after a field or label that names a date of birth. */
final class DateOfBirthMatcher implements PiiMatcher {
    private static final Pattern DOB = Pattern.compile(
            "(?i)(?:\\bd\\.?o\\.?b\\b|date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|\\bborn(?: on)?|geburtsdatum|fecha[ _]de[ _]nacimiento|date[ _]de[ _]naissance)"
                    + "[\"']?\\s*[:=]?\\s*[\"']?"
                    + "(?:(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})|(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}))(?!\\d)");

    @Override
    public void find(Screening screening, Consumer<PiiCandidate> out) {
        String text = screening.text();
        if (!screening.isUnscreened() && !mayHoldLabel(text)) {
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
     * Whether the text holds a piece every label alternative contains (ASCII case-insensitive, as
     * the pattern): {@code birth}, {@code born}, {@code geburtsdatum}, {@code nacimiento},
     * {@code naissance}, or {@code d}, {@code o}, {@code b} with optional dots between.
     */
    static boolean mayHoldLabel(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = (char) (text.charAt(i) | 0x20);
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

    private static boolean dobEndsAt(String text, int b) {
        int i = b - 1;
        if (i >= 0 && text.charAt(i) == '.') {
            i--;
        }
        if (i < 0 || (text.charAt(i) | 0x20) != 'o') {
            return false;
        }
        i--;
        if (i >= 0 && text.charAt(i) == '.') {
            i--;
        }
        return i >= 0 && (text.charAt(i) | 0x20) == 'd';
    }

    private static boolean at(String text, int from, String lower) {
        return from >= 0 && text.regionMatches(true, from, lower, 0, lower.length());
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
