package io.agentdlp.detection.pii;

import java.util.Arrays;
import java.util.function.Consumer;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers found and validated by Google's libphonenumber. A bare digit run is not taken for a
 * phone number (code and logs are full of those): the number must start with {@code +} or be written
 * with separators. Fictional and drama ranges (US 555-01xx, UK Ofcom drama numbers) are ignored.
 */
final class PhoneMatcher implements PiiMatcher {
    /** libphonenumber reads one character before a candidate and up to three after it (a {@code :ss} time suffix). */
    private static final int CONTEXT_BEFORE = 1;
    private static final int CONTEXT_AFTER = 3;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String region;
    private final int minDigitsWithPlus;
    private final int minDigitsWithoutPlus;
    private final PlainDigitGroups plain;

    PhoneMatcher(String region) {
        this.region = region;
        this.minDigitsWithPlus = PhoneNumberLengths.withCountryCode(util);
        this.minDigitsWithoutPlus = PhoneNumberLengths.withoutPlus(util, region);
        this.plain = new PlainDigitGroups(util, region);
    }

    /**
     * The fewest digits (label letters counted as keypad digits) a phone window must hold for this matcher to
     * search it: the screens need not report a window with fewer ({@link DigitRunWalk}).
     */
    int fewestWindowDigits() {
        return Math.min(minDigitsWithPlus, minDigitsWithoutPlus);
    }

    /**
     * Each run of phone characters ({@link PhoneWindows}) that could hold a number this matcher
     * reports is copied with the context libphonenumber inspects around a candidate, the copies
     * joined by line breaks (which no candidate can contain and which, like a text's end, neither
     * reject a neighbouring candidate nor extend a time stamp), and the joined text searched once.
     * So each run yields exactly what a search of the whole text yields there; a match starting in
     * a copied context belongs to a neighbouring run and is left to it. A run can only hold a
     * reported number when it has a plus or a separator (see below) and at least as many digits as
     * the shortest valid number; three or more label letters could be read as keypad digits, so
     * then they count as digits too. A run without any digit holds no candidate (the candidate pattern
     * needs one), and a plain run whose digit groups cannot form a valid number ({@link PlainDigitGroups},
     * e.g. the ISO dates of logs) is not searched either.
     */
    @Override
    public void find(Screening screening, Consumer<PiiCandidate> out) {
        String text = screening.text();
        if (screening.isUnscreened()) {
            for (PhoneNumberMatch m : util.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                accept(m, m.start(), out);
            }
            return;
        }
        JoinedRuns runs = new JoinedRuns(text);
        PlainDigitGroups.Groups groups = new PlainDigitGroups.Groups();
        PhoneWindows.Window keep = (start, end, digits, letters, plus, separator) -> {
            if (separator && digits > 0
                    && PhoneWindows.reachableDigits(digits, letters) >= (plus ? minDigitsWithPlus : minDigitsWithoutPlus)
                    && (plus || plain.mayMatchNationalPattern(text, start, end, groups))) {
                runs.add(start, end);
            }
        };
        screening.phoneWindows(keep);
        if (runs.count == 0) {
            return;
        }
        int run = 0;
        for (PhoneNumberMatch m : util.findNumbers(runs.joined.toString(), region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            while (run + 1 < runs.count && runs.joinedAt(run + 1) <= m.start()) {
                run++;
            }
            int at = runs.copiedFrom(run) + m.start() - runs.joinedAt(run);
            if (at >= runs.start(run) && at < runs.end(run)) {
                accept(m, at, out);
            }
        }
    }

    private void accept(PhoneNumberMatch m, int start, Consumer<PiiCandidate> out) {
        String raw = m.rawString();
        if (!raw.startsWith("+") && !hasSeparator(raw)) {
            return;
        }
        PhoneNumber n = m.number();
        if (fictional(n)) {
            return;
        }
        String e164 = util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        out.accept(new PiiCandidate(PiiType.PHONE, start, start + raw.length(), e164, raw.startsWith("+") ? 0.8 : 0.7));
    }

    private static boolean hasSeparator(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '-' || c == '(' || c == '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean fictional(PhoneNumber n) {
        String national = String.valueOf(n.getNationalNumber());
        if (n.getCountryCode() == 1 && national.length() == 10) {
            String exchange = national.substring(3, 6);
            int line = Integer.parseInt(national.substring(6));
            return exchange.equals("555") && line >= 100 && line <= 199;
        }
        if (n.getCountryCode() == 44) {
            return national.startsWith("7700900") || national.startsWith("2079460") || national.startsWith("1632960")
                    || national.startsWith("1134960") || national.startsWith("1214960") || national.startsWith("1314960");
        }
        return false;
    }

    /** Runs of a text copied with their context into one joined text, and where each copy came from. */
    private static final class JoinedRuns {
        private static final int STRIDE = 4;
        private final String text;
        private final StringBuilder joined = new StringBuilder();
        private int[] data = new int[STRIDE * 8];
        private int count;

        JoinedRuns(String text) {
            this.text = text;
        }

        void add(int start, int end) {
            if ((count + 1) * STRIDE > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            int from = Math.max(0, start - CONTEXT_BEFORE);
            int at = count++ * STRIDE;
            data[at] = joined.length();
            data[at + 1] = from;
            data[at + 2] = start;
            data[at + 3] = end;
            joined.append(text, from, Math.min(text.length(), end + CONTEXT_AFTER)).append('\n');
        }

        int joinedAt(int run) {
            return data[run * STRIDE];
        }

        int copiedFrom(int run) {
            return data[run * STRIDE + 1];
        }

        int start(int run) {
            return data[run * STRIDE + 2];
        }

        int end(int run) {
            return data[run * STRIDE + 3];
        }
    }
}
