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
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String region;

    PhoneMatcher(String region) {
        this.region = region;
    }

    @Override
    public void find(CharSequence text, Consumer<PiiCandidate> out) {
        for (PhoneNumberMatch m : util.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            String raw = m.rawString();
            if (!raw.startsWith("+") && !hasSeparator(raw)) {
                continue;
            }
            PhoneNumber n = m.number();
            if (fictional(n)) {
                continue;
            }
            String e164 = util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
            out.accept(new PiiCandidate(PiiType.PHONE, m.start(), m.end(), e164, raw.startsWith("+") ? 0.8 : 0.7));
        }
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
