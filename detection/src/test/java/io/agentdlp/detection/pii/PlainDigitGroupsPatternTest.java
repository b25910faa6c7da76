package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pattern proof of {@link PlainDigitGroups#mayMatchNationalPattern}: never rejects a window libphonenumber finds a number in. */
class PlainDigitGroupsPatternTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final PlainDigitGroups us = new PlainDigitGroups(UTIL, "US");

    @ParameterizedTest(name = "{0} may match a national pattern: {1}")
    @CsvSource(delimiter = '|', value = {
            // a git file mode after a hash's last digit: 7 digits, but Canada's 7-digit numbers start with 3
            "7 100644        | false",
            // a leading 1 may be stripped, yet no suffix is a +1 national number
            "1984-03-17      | false",
            "2025-03-06 455  | false",
            "310-4555        | true",
            "415 867 5309    | true",
            "1 415 867 5309  | true",
            // the international prefix: another country's rules, left to libphonenumber
            "0114-930-34     | true",
            // no number type of a +1 region starts a 10-digit number with these digits (git mode after a digest)
            "2855 100644     | false",
            // not plain
            "2025(03)06      | true",
    })
    void decidesByTheNationalPatterns(String window, boolean expected) {
        assertThat(us.mayMatchNationalPattern(window, 0, window.length())).isEqualTo(expected);
    }

    @Test
    void neverRejectsAWindowWithAValidNumber() {
        Random random = new Random(20261124L);
        String[] separators = {" ", "-", ".", " - ", ". ", "  ", "--"};
        String[] leads = {"1", "0", "011", "3", "310", "4", "8", "9", "2", "5", "6", "7"};
        String[] glued = {"a", "e", "f", "Z"};
        int rejected = 0;
        int withNumber = 0;
        PlainDigitGroups.Groups reused = new PlainDigitGroups.Groups();
        for (int i = 0; i < 4_000; i++) {
            StringBuilder window = new StringBuilder();
            int groups = 1 + random.nextInt(5);
            for (int g = 0; g < groups; g++) {
                if (g > 0) {
                    window.append(separators[random.nextInt(separators.length)]);
                }
                String lead = leads[random.nextInt(leads.length)];
                window.append(lead);
                int length = random.nextInt(random.nextBoolean() ? 4 : 10);
                for (int d = 0; d < length; d++) {
                    window.append((char) ('0' + random.nextInt(10)));
                }
            }
            // sometimes a letter glued to the window, whose neighbouring ranges the matcher drops
            String before = random.nextInt(4) == 0 ? "tel" + glued[random.nextInt(glued.length)] : "tel ";
            String after = random.nextInt(4) == 0 ? glued[random.nextInt(glued.length)] + " end" : " end";
            String text = before + window + after;
            boolean found = UTIL.findNumbers(text, "US", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE).iterator().hasNext();
            boolean may = us.mayMatchNationalPattern(text, before.length(), before.length() + window.length());
            // the scratch one scan reuses for its windows answers as a fresh one
            assertThat(us.mayMatchNationalPattern(text, before.length(), before.length() + window.length(), reused))
                    .as("window %s read into reused groups", window).isEqualTo(may);
            if (found) {
                withNumber++;
                assertThat(may).as("window %s holds a valid number", window).isTrue();
            }
            if (!may) {
                rejected++;
            }
        }
        // the generator covers both sides: windows with numbers and windows the proof rejects
        assertThat(withNumber).isGreaterThan(100);
        assertThat(rejected).isGreaterThan(400);
    }
}
