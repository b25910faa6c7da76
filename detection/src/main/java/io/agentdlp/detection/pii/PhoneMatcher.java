package io.agentdlp.detection.pii;

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

    PhoneMatcher(String region) {
        this.region = region;
        this.minDigitsWithPlus = PhoneNumberLengths.withCountryCode(util);
        this.minDigitsWithoutPlus = PhoneNumberLengths.withoutPlus(util, region);
    }

    /**
     * Each run of phone characters ({@link PhoneWindows}) that could hold a number this matcher
     * reports is searched alone, with the context libphonenumber inspects around a candidate, so it
     * finds there exactly what a search of the whole text finds; matches starting in that context
     * belong to a neighbouring run and are left to it. A run can only hold a reported number when it
     * has a plus or a separator (see below) and at least as many digits as the shortest valid number;
     * three or more label letters could be read as keypad digits, so then they count as digits too.
     */
    @Override
    public void find(Screening screening, Consumer<PiiCandidate> out) {
        String text = screening.text();
        if (screening.isUnscreened()) {
            search(text, 0, text.length(), out);
            return;
        }
        PhoneWindows.forEach(text, (start, end, digits, letters, plus, separator) -> {
            int reachable = digits + (letters >= 3 ? letters : 0);
            if (separator && reachable >= (plus ? minDigitsWithPlus : minDigitsWithoutPlus)) {
                search(text, start, end, out);
            }
        });
    }

    private void search(String text, int start, int end, Consumer<PiiCandidate> out) {
        int from = Math.max(0, start - CONTEXT_BEFORE);
        String window = text.substring(from, Math.min(text.length(), end + CONTEXT_AFTER));
        for (PhoneNumberMatch m : util.findNumbers(window, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            int at = from + m.start();
            if (at >= start && at < end) {
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
}
