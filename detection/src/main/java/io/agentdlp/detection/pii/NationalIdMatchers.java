package io.agentdlp.detection.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National identifiers whose format or check digit tells them apart from other numbers: US SSN, UK
 * National Insurance number, EU ids with a checksum (Spanish DNI/NIE, Dutch BSN, Polish PESEL,
 * Finnish HETU, Swedish personnummer), the Chinese resident id and Indian Aadhaar. Identifiers that
 * are plain digit runs of a common length are only reported next to a label naming them.
 */
final class NationalIdMatchers {
    private NationalIdMatchers() {
    }

    /** Digit run whose meaning needs a label (e.g. "bsn", "pesel") earlier on the same line, at most 40 chars before. */
    private static boolean labelled(CharSequence text, int start, Pattern label) {
        int from = start;
        while (from > 0 && start - from < 40 && text.charAt(from - 1) != '\n') {
            from--;
        }
        return label.matcher(text.subSequence(from, start)).find();
    }

    static final class UsSsn implements PiiMatcher {
        static final Pattern DASHED = Pattern.compile("(?<![0-9A-Za-z-])(\\d{3})-(\\d{2})-(\\d{4})(?![0-9A-Za-z]|-\\d)");
        static final Pattern BARE = Pattern.compile("(?<![0-9A-Za-z])(\\d{3})(\\d{2})(\\d{4})(?![0-9A-Za-z])");
        /**
         * A dashed SSN is digit runs of exactly 3, 2 and 4 (no digit before, a dash or no digit after each), with no
         * letter beside any of them (the dashes, and the look-arounds at its ends).
         */
        static final Spans.Filter DASHED_SPANS = (s, i) -> s.digits(i) >= 9 && s.length(i) >= 11 && s.longestDigitRun(i) >= 4
                && s.hasFreeDigitRunOf(i, Spans.lengthBit(3)) && s.hasFreeDigitRunOf(i, Spans.lengthBit(2))
                && s.hasFreeDigitRunOf(i, Spans.lengthBit(4));
        /** A bare SSN is a digit run of exactly 9 (no digit before or after), with no letter beside it. */
        static final Spans.Filter BARE_SPANS = (s, i) -> s.hasFreeDigitRunOf(i, Spans.lengthBit(9));
        private static final Pattern LABEL = Pattern.compile("(?i)(ssn|social[ _-]?security)");
        private static final Set<String> PUBLISHED = Set.of("078051120", "219099999", "123456789", "111111111", "987654320");

        @Override
        public void find(Screening screening, Consumer<PiiCandidate> out) {
            String text = screening.text();
            Spans spans = screening.identifiers();
            spans.find(DASHED, text, DASHED_SPANS, m -> emit(m, text, out, false));
            spans.find(BARE, text, BARE_SPANS, m -> emit(m, text, out, true));
        }

        private static void emit(Matcher m, CharSequence text, Consumer<PiiCandidate> out, boolean needsLabel) {
            int area = Integer.parseInt(m.group(1));
            String digits = m.group(1) + m.group(2) + m.group(3);
            if (area == 0 || area == 666 || area >= 900 || m.group(2).equals("00") || m.group(3).equals("0000")
                    || PUBLISHED.contains(digits) || (needsLabel && !labelled(text, m.start(), LABEL))) {
                return;
            }
            out.accept(new PiiCandidate(PiiType.US_SSN, m.start(), m.end(), digits, needsLabel ? 0.85 : 0.8));
        }
    }

    static final class UkNino implements PiiMatcher {
        static final Pattern NINO = Pattern.compile(
                "(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?([A-D])(?![A-Za-z0-9])");
        private static final Set<String> INVALID_PREFIXES = Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");
        /** Two or three upper-case letters around three pairs of digits. */
        static final Spans.Filter SPANS = (s, i) -> s.digits(i) >= 6 && s.upper(i) >= 3 && s.longestDigitRun(i) >= 2;

        @Override
        public void find(Screening screening, Consumer<PiiCandidate> out) {
            screening.identifiers().find(NINO, screening.text(), SPANS, m -> {
                if (!INVALID_PREFIXES.contains(m.group(1))) {
                    String value = m.group(1) + m.group(2) + m.group(3) + m.group(4) + m.group(5);
                    out.accept(new PiiCandidate(PiiType.UK_NINO, m.start(), m.end(), value, 0.85));
                }
            });
        }
    }

    static final class EuNationalId implements PiiMatcher {
        static final Pattern DNI = Pattern.compile("(?<![A-Za-z0-9])(\\d{8}|[XYZ]\\d{7})-?([A-Z])(?![A-Za-z0-9])");
        static final Pattern ELEVEN_OR_NINE = Pattern.compile("(?<![0-9A-Za-z])(\\d{11}|\\d{9})(?![0-9A-Za-z])");
        private static final Pattern BSN_LABEL = Pattern.compile("(?i)(bsn|burgerservice)");
        private static final Pattern PESEL_LABEL = Pattern.compile("(?i)pesel");
        static final Pattern HETU = Pattern.compile("(?<![A-Za-z0-9])(\\d{2})(\\d{2})(\\d{2})([-+AYXWVUBCDEF])(\\d{3})([0-9A-Y])(?![A-Za-z0-9])");
        static final Pattern SWEDISH = Pattern.compile("(?<![0-9A-Za-z])(?:19|20)?(\\d{2})(\\d{2})(\\d{2})([-+])(\\d{4})(?![0-9A-Za-z])");
        /** A DNI's 8 digits, or a NIE's 7 after its letter, are a whole digit run (a letter or dash follows). */
        static final Spans.Filter DNI_SPANS = (s, i) -> s.longestDigitRun(i) >= 7 && s.upper(i) >= 1
                && s.hasDigitRunOf(i, Spans.lengthBit(7) | Spans.lengthBit(8));
        /** A BSN or PESEL is a digit run of exactly 9 or 11 with no letter beside it. */
        static final Spans.Filter ELEVEN_OR_NINE_SPANS = (s, i) -> s.hasFreeDigitRunOf(i, Spans.lengthBit(9) | Spans.lengthBit(11));
        /** A HETU is a run of exactly 6 digits, a sign letter, and a run of 3 (then a check letter) or 4 (a check digit). */
        static final Spans.Filter HETU_SPANS = (s, i) -> s.digits(i) >= 9 && s.length(i) >= 11 && s.longestDigitRun(i) >= 6
                && s.hasDigitRunOf(i, Spans.lengthBit(6)) && s.hasDigitRunOf(i, Spans.lengthBit(3) | Spans.lengthBit(4));
        /**
         * A personnummer is a run of exactly 6 or 8 digits (with the century), a sign, and a run of exactly 4, with no
         * letter beside either (the sign, and the look-arounds at its ends).
         */
        static final Spans.Filter SWEDISH_SPANS = (s, i) -> s.digits(i) >= 10 && s.longestDigitRun(i) >= 6
                && s.hasFreeDigitRunOf(i, Spans.lengthBit(6) | Spans.lengthBit(8)) && s.hasFreeDigitRunOf(i, Spans.lengthBit(4));

        @Override
        public void find(Screening screening, Consumer<PiiCandidate> out) {
            String text = screening.text();
            Spans spans = screening.identifiers();
            spans.find(DNI, text, DNI_SPANS, m -> {
                String id = m.group(1) + m.group(2);
                if (Checksums.spanishDniOrNie(id) && !id.startsWith("00000000")) {
                    out.accept(new PiiCandidate(PiiType.EU_NATIONAL_ID, m.start(), m.end(), "ES" + id, 0.9));
                }
            });
            spans.find(ELEVEN_OR_NINE, text, ELEVEN_OR_NINE_SPANS, m -> {
                String d = m.group(1);
                if (d.length() == 9 && Checksums.dutchBsn(d) && labelled(text, m.start(), BSN_LABEL)) {
                    out.accept(new PiiCandidate(PiiType.EU_NATIONAL_ID, m.start(), m.end(), "NL" + d, 0.9));
                } else if (d.length() == 11 && Checksums.pesel(d) && labelled(text, m.start(), PESEL_LABEL)) {
                    out.accept(new PiiCandidate(PiiType.EU_NATIONAL_ID, m.start(), m.end(), "PL" + d, 0.9));
                }
            });
            spans.find(HETU, text, HETU_SPANS, m -> {
                String id = m.group().toUpperCase(Locale.ROOT);
                int century = switch (m.group(4).charAt(0)) {
                    case '+' -> 1800;
                    case '-', 'Y', 'X', 'W', 'V', 'U' -> 1900;
                    default -> 2000;
                };
                if (validDate(century + Integer.parseInt(m.group(3)), m.group(2), m.group(1)) && Checksums.finnishHetu(id)) {
                    out.accept(new PiiCandidate(PiiType.EU_NATIONAL_ID, m.start(), m.end(), "FI" + id, 0.9));
                }
            });
            spans.find(SWEDISH, text, SWEDISH_SPANS, m -> {
                String ten = m.group(1) + m.group(2) + m.group(3) + m.group(5);
                int yy = Integer.parseInt(m.group(1));
                int day = Integer.parseInt(m.group(3));
                // coordination numbers add 60 to the day
                String dd = String.format(Locale.ROOT, "%02d", day > 60 ? day - 60 : day);
                if ((validDate(1900 + yy, m.group(2), dd) || validDate(2000 + yy, m.group(2), dd)) && Checksums.luhn(ten)) {
                    out.accept(new PiiCandidate(PiiType.EU_NATIONAL_ID, m.start(), m.end(), "SE" + ten, 0.85));
                }
            });
        }
    }

    static final class ChineseResidentId implements PiiMatcher {
        static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])([1-8]\\d{5})(\\d{4})(\\d{2})(\\d{2})(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
        /** 18 digits with no letter beside them, or 17 and an {@code X}: a whole digit run of exactly 18 or 17. */
        static final Spans.Filter ID_SPANS = (s, i) -> s.hasFreeDigitRunOf(i, Spans.lengthBit(18)) || s.hasDigitRunOf(i, Spans.lengthBit(17));

        @Override
        public void find(Screening screening, Consumer<PiiCandidate> out) {
            screening.identifiers().find(ID, screening.text(), ID_SPANS, m -> {
                int year = Integer.parseInt(m.group(2));
                if (year >= 1900 && validDate(year, m.group(3), m.group(4)) && Checksums.chineseResidentId(m.group())) {
                    out.accept(new PiiCandidate(PiiType.CN_RESIDENT_ID, m.start(), m.end(), m.group().toUpperCase(Locale.ROOT), 0.95));
                }
            });
        }
    }

    static final class Aadhaar implements PiiMatcher {
        static final Pattern SPACED_AADHAAR = Pattern.compile("(?<![0-9A-Za-z])([2-9]\\d{3}) (\\d{4}) (\\d{4})(?![0-9A-Za-z]| \\d)");
        static final Pattern BARE_AADHAAR = Pattern.compile("(?<![0-9A-Za-z])([2-9]\\d{11})(?![0-9A-Za-z])");
        /** Three whole digit runs of exactly 4, with no letter beside them (spaces, and the look-arounds at its ends). */
        static final Spans.Filter SPACED_SPANS = (s, i) -> s.digits(i) >= 12 && s.length(i) >= 14 && s.hasFreeDigitRunOf(i, Spans.lengthBit(4));
        /** A whole digit run of exactly 12 with no letter beside it. */
        static final Spans.Filter BARE_SPANS = (s, i) -> s.hasFreeDigitRunOf(i, Spans.lengthBit(12));
        private static final Pattern LABEL = Pattern.compile("(?i)(aadhaa?r|\\buid\\b)");

        @Override
        public void find(Screening screening, Consumer<PiiCandidate> out) {
            String text = screening.text();
            Spans spans = screening.identifiers();
            spans.find(SPACED_AADHAAR, text, SPACED_SPANS, m -> {
                String d = m.group(1) + m.group(2) + m.group(3);
                if (Checksums.verhoeff(d)) {
                    out.accept(new PiiCandidate(PiiType.IN_AADHAAR, m.start(), m.end(), d, 0.85));
                }
            });
            spans.find(BARE_AADHAAR, text, BARE_SPANS, m -> {
                if (Checksums.verhoeff(m.group(1)) && labelled(text, m.start(), LABEL)) {
                    out.accept(new PiiCandidate(PiiType.IN_AADHAAR, m.start(), m.end(), m.group(1), 0.9));
                }
            });
        }
    }

    static boolean validDate(int year, String month, String day) {
        try {
            LocalDate d = LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
            return !d.isAfter(LocalDate.now());
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }
}
