package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainDigitGroupsTest {
    private final PlainDigitGroups us = new PlainDigitGroups(PhoneNumberUtil.getInstance(), "US");

    @ParameterizedTest(name = "{0} may hold a valid number: {1}")
    @CsvSource(delimiter = '|', value = {
            // eight digits: no +1 region has 8-digit numbers, and 2 starts no prefix
            "2025-03-06      | false",
            "2025.03.06      | false",
            "20 25 03 06     | false",
            "99-234          | false",
            // a leading 1 can be the national prefix or the calling code, a leading 0 the international prefix 011
            "1984-03-17      | true",
            "0114-930-34     | true",
            // 7 (Canada) and 10 digits are valid lengths, also as a range of groups
            "310-4555        | true",
            "415 867 5309    | true",
            "2025-03-06 455  | true",
            // slashes and '=' separate groups too (a candidate never holds an '=' without "ext")
            "2025/03/06      | false",
            "=45522462-4901- | false",
            // more groups of digits than the 24 digits once modelled (Slack tokens)
            "-706192160730-2180122578297- | false",
            // not plain: decided by libphonenumber
            "2025(03)06      | true",
            "2025-03-06x1    | true",
    })
    void decidesPlainWindowsByTheLengthsOfGroupRanges(String window, boolean expected) {
        assertThat(us.mayHoldValidNumber(window, 0, window.length())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AG", "ZZ"})
    void aRegionWhoseNationalPrefixRewritesDigitsOrAnUnknownRegionDecidesNothing(String region) {
        // Antigua's national prefix rule turns 7 local digits into 10: length alone proves nothing there
        PlainDigitGroups groups = new PlainDigitGroups(PhoneNumberUtil.getInstance(), region);
        assertThat(groups.mayHoldValidNumber("2025-03-06", 0, 10)).isTrue();
    }
}
