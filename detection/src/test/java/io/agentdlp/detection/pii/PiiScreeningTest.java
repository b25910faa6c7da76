package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import io.agentdlp.detection.KeyedHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The screened scan (matchers search only the spans that can hold their values) must report exactly
 * what the unscreened scan (every matcher over the whole text) reports.
 */
class PiiScreeningTest {
    private static final String[] EDITS = {"", "-", " ", ".", "a", "7", "@", ":", "\\n", "+", "(", ")", "X", "/", "_",
            "\n", "ext", "#", "x"};
    /** Letters glued to digit groups: hex digest letters, a label letter, upper case. */
    private static final String[] GLUED = {"a", "e", "f", "b", "x", "E", "Z", "ext"};
    private final PiiScanner scanner = new PiiScanner(KeyedHasher.fromSecret("screening-key-0123456789"), PiiOptions.defaults());

    @Test
    void screenedScanEqualsUnscreenedScanOnTheCorpusAndEditsOfIt() {
        PiiCorpus corpus = new PiiCorpus(4242L);
        Random random = new Random(4242L);
        for (int i = 0; i < 400; i++) {
            String text = corpus.document().text();
            assertSame(text);
            assertSame(TextVariants.jsonEscaped(text));
            assertSame(TextVariants.edited(text, random, EDITS, 6));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Canadian UAN 310-4555 (seven digits, valid in a region sharing +1)",
            "dial 011 49 30 34930146 from the US",
            "call +49 30 34930146 ext. 12 or +1 (415) 867-5309 x 7",
            "phone：＋４９ ３０ ３４９３０１４６",
            "1x2x3x4x5x6x7 and 12 ext 3456789",
            "timestamps 2025-03-06T10:10:00.000Z 2012-01-02 08:00:59",
            "ids 2001:db8::1 2a00:1450:4001:82b::200e 81.2.69.142 v1.2.3.4",
            "mails a@b.cd x.y+z@kontor-berlin.de git@github.com:a/b",
            "e-mail spans without a dot after their first '@': actions/checkout@v4 @Override a.b@c x@y@z.de a@b.c x.y@ @.de",
            "DOB: 17/03/1984, d.o.b 1984-03-17, Geburtsdatum 17.03.1984",
            "born on\n\t 1984-03-17; fecha de nacimiento: 17.03.1984; date de naissance = '17/03/1984'",
            "birth_date\t\"1984-03-17\" BIRTHDAY='3/7/1984' D.O.B=1984-3-7 geburtsdatum:\"1.2.1960\"",
            "logs 2025-03-06 1984-03-17 1999-12-31 0114-930-3493 011 49 30 34930146 310 4555 415 867 5309",
            "groups 1 415 867 5309, 4158675309-1, 1-415-867-5309, 2.415.867.5309 and 415.867.5309.",
            "labels glued to digits: 415-867-5309ext12 4158675309anexo12 12ext3456789 12Extension3456789 4158675309x7 x415-867-5309",
            "near-labels glued to digits: 415-867-5309e12 415-867-5309a12 415-867-5309ex12 4158675309extensionx7 bx4158675309 9e415-867-5309",
            "identifiers at the screen's smallest spans: ssn 536-22-1234 ssn 536221234 bsn 111222333 HETU 131052-308T DNI 12345678Z NIE X1234567L nino QQ123456C",
            "identifiers whose digits are split: 11010519491231002X 1101051949-1231002X aadhaar 234567890123 2345-67890123 811218-9876 19811218-9876 8112-18-9876 12345678Z 1234-5678Z",
            "IPv6 with and without '::': 2a00:1450:4001:82b:0:0:0:200e 2a00:1450:4001:82b::200e 2a00:1450:4001:82b:0:0:200e 2a00::1450: 10:10:00.000 2a00:1450:4001::",
            "slashes and '=' around groups: id=415-867-5309 x=4158675309= /415/867/5309 415/867-5309 1=415 867 5309 2025/03/06=310-4555",
            "long digit groups: xoxb-706192160730-2180122578297-2k 4158675309-706192160730-2180122578297 1-415-867-5309-0000000000000000000",
            "git modes after short hashes: index b622f31..26019e3 100644 a3 100644 3 100644b e1 415 867 5309 415 867 5309b a415-867-5309 x3 100644",
            "dates of birth of every first-group length: dob 123-4-1984 dob 12345.1.1 dob 7/3/1984 dob 07-03-1984 dob 1984-3-7 dob 19840-3-7",
    })
    void screenedScanEqualsUnscreenedScanOnEdgeCases(String text) {
        assertSame(text);
    }

    /**
     * Windows of digit groups with spaces, dashes and dots are decided without libphonenumber when
     * no group range can be valid ({@link PlainDigitGroups}); random ones, with every first digit
     * (national and international prefixes, the calling code) and group lengths around the valid
     * ones, must still give exactly the unscreened result.
     */
    @Test
    void screenedScanEqualsUnscreenedScanOnRandomDigitGroups() {
        Random random = new Random(20261124L);
        String[] separators = {" ", "-", ".", " - ", ". ", "  ", "--"};
        for (int i = 0; i < 3_000; i++) {
            // a letter glued before or after the groups: libphonenumber's matcher drops what touches it
            StringBuilder text = new StringBuilder(random.nextInt(3) == 0 ? "tel" + GLUED[random.nextInt(GLUED.length)] : "tel ");
            int groups = 1 + random.nextInt(5);
            for (int g = 0; g < groups; g++) {
                if (g > 0) {
                    text.append(separators[random.nextInt(separators.length)]);
                }
                int length = 1 + random.nextInt(random.nextBoolean() ? 4 : 11);
                for (int d = 0; d < length; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            int end = random.nextInt(3);
            text.append(end == 0 ? " end" : end == 1 ? GLUED[random.nextInt(GLUED.length)] + " end" : "");
            assertSame(text.toString());
        }
    }

    /**
     * Random IPv4 and IPv6 look-alikes (public, private, documentation, Teredo, compressed, with hex letters and
     * leading or trailing neighbours, glued together), the IP spans now being grown only from digit runs followed
     * by a dot or starting an IP run with 2 or 3: must still give exactly the unscreened result.
     */
    @Test
    void screenedScanEqualsUnscreenedScanOnRandomIpAddresses() {
        Random random = new Random(20261125L);
        String[] pieces = {"2a00", "2001", "3fff", "2", "3", "20", "2abc", "3e8", "abcd", "db8", "0", "1", "8", "81", "192",
            "168", "255", "256", "10", "100", "200e", "cafe", "b", "f", "A", "F", "x", ":", ":", "::", ".", ".", " ", "-", "/",
            "v", "version ", "=", "\"", "g", "z", "\n"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(14);
            for (int p = 0; p < count; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSame(text.toString());
        }
    }

    /**
     * Random e-mail look-alikes (several {@code @} in one run, dots only before the {@code @}, workflow pins such as
     * {@code checkout@v4}, reserved and one-letter domains, escapes and non-ASCII neighbours), the e-mail spans now
     * being searched only with a dot after their first {@code @}: must still give exactly the unscreened result.
     */
    @Test
    void screenedScanEqualsUnscreenedScanOnRandomEmailAddresses() {
        Random random = new Random(20261125L);
        String[] pieces = {"a", "bob", "x.y", "checkout", "@", "@", "@", ".", ".", "de", "com", "example", "v4", "9", "-", "_",
            "%", "+", " ", "\n", "\\n", "\"", "\u00e9", "\u4e2d", ":", "git", "Z", "..", "@@", "/", "kontor-berlin", "noreply"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(12);
            for (int p = 0; p < count; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSame(text.toString());
        }
    }

    @Test
    void aSevenDigitNumberOfARegionSharingTheDefaultCallingCodeIsFound() {
        // Canada's 310-xxxx numbers: a screen that only knew the US lengths (10 digits) would skip them
        assertThat(scanner.scan("support line 310-4555").findings()).extracting(f -> f.ruleId()).contains("pii.phone");
    }

    private void assertSame(String text) {
        assertThat(scanner.scan(text)).as("screened scan of %s", text).isEqualTo(scanner.scanUnscreened(text));
    }
}
