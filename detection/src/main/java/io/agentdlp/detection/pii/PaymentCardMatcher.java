package io.agentdlp.detection.pii;

import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13-19 digits (optionally grouped by one kind of separator) with a known
 * issuer prefix and a valid Luhn check digit; the networks' published test numbers are ignored.
 */
final class PaymentCardMatcher implements PiiMatcher {
    static final Pattern CARD = Pattern.compile("(?<![0-9A-Za-z.-])\\d(?:[ -]?\\d){12,18}(?![0-9A-Za-z]|\\.\\d|-\\d)");
    private static final Set<String> TEST_NUMBERS = Set.of(
            "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4222222222222",
            "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", "378282246310005",
            "371449635398431", "378734493671000", "6011111111111117", "6011000990139424", "3530111333300000",
            "3566002020360505", "30569309025904", "38520000023237", "6200000000000005", "4000000000000002",
            "4000000000009995", "4000000000000077", "5454545454545454", "4444333322221111", "6011601160116611");

    /**
     * A card has 13 digits or more, and its digit runs have no letter beside them (single spaces or dashes between
     * them, and the look-arounds at its ends).
     */
    static final Spans.Filter SPANS = (s, i) -> s.digits(i) >= 13 && s.freeDigitRunLengths(i) != 0;

    @Override
    public void find(Screening screening, Consumer<PiiCandidate> out) {
        screening.identifiers().find(CARD, screening.text(), SPANS, m -> {
            String raw = m.group();
            if (raw.indexOf(' ') >= 0 && raw.indexOf('-') >= 0) {
                return;
            }
            String digits = raw.replace(" ", "").replace("-", "");
            if (digits.length() < 13 || digits.length() > 19 || !knownIssuer(digits) || repetitive(digits)
                    || TEST_NUMBERS.contains(digits) || !Checksums.luhn(digits)) {
                return;
            }
            out.accept(new PiiCandidate(PiiType.PAYMENT_CARD, m.start(), m.end(), digits, 0.95));
        });
    }

    private static boolean knownIssuer(String d) {
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p4 = Integer.parseInt(d.substring(0, 4));
        int len = d.length();
        return (d.charAt(0) == '4' && (len == 13 || len == 16 || len == 19))
                || (p2 >= 51 && p2 <= 55 && len == 16)
                || (p4 >= 2221 && p4 <= 2720 && len == 16)
                || ((p2 == 34 || p2 == 37) && len == 15)
                || ((p4 == 6011 || p2 == 65 || (p4 >= 6440 && p4 <= 6499)) && len >= 16)
                || (p4 >= 3528 && p4 <= 3589 && len >= 16)
                || ((p2 == 36 || p2 == 38 || (p4 >= 3000 && p4 <= 3059)) && len >= 14)
                || (p2 == 62 && len >= 16);
    }

    private static boolean repetitive(String d) {
        char c = d.charAt(1);
        for (int i = 2; i < d.length() - 1; i++) {
            if (d.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }
}
