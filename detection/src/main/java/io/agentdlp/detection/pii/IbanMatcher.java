package io.agentdlp.detection.pii;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** IBANs of known countries with the country's length and a valid ISO 13616 mod-97 check; published sample IBANs are ignored. */
final class IbanMatcher implements PiiMatcher {
    static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])([A-Z]{2})(\\d{2})((?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])");
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GR", 27),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
            Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25),
            Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("TR", 26), Map.entry("AE", 23), Map.entry("SA", 24), Map.entry("IL", 23), Map.entry("BR", 29),
            Map.entry("UA", 29), Map.entry("QA", 29), Map.entry("KW", 30), Map.entry("JO", 30), Map.entry("MU", 30));
    private static final Set<String> SAMPLES = Set.of("GB82WEST12345698765432", "GB29NWBK60161331926819",
            "DE89370400440532013000", "FR1420041010050500013M02606", "NL91ABNA0417164300", "ES9121000418450200051332",
            "IT60X0542811101000000123456", "CH9300762011623852957", "BE68539007547034", "AT611904300234573201");

    /** Two upper-case letters of the country code, then two check digits, and 12 characters or more. */
    static final Spans.Filter SPANS = (s, i) -> s.upper(i) >= 2 && s.length(i) >= 12 && s.longestDigitRun(i) >= 2;

    @Override
    public void find(Screening screening, Consumer<PiiCandidate> out) {
        screening.identifiers().find(IBAN, screening.text(), SPANS, m -> {
            String iban = m.group().replace(" ", "");
            Integer len = LENGTHS.get(m.group(1));
            if (len != null && len == iban.length() && !SAMPLES.contains(iban) && Checksums.ibanMod97(iban)) {
                out.accept(new PiiCandidate(PiiType.IBAN, m.start(), m.end(), iban, 0.95));
            }
        });
    }
}
