package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The type table of {@link NumberTypeStarts} against libphonenumber's own validation. */
class NumberTypeStartsTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * Every national number libphonenumber validates under the calling code passes the table, over
     * every first three digits with random rest, at the lengths the regions use and around them; and
     * the table rejects a good part of them (so it decides something).
     */
    @ParameterizedTest(name = "+{0}")
    @CsvSource({"1", "44", "49", "7"})
    void neverRejectsAValidNationalNumber(int callingCode) {
        NumberTypeStarts table = new NumberTypeStarts(regionsOf(callingCode), 20);
        Random random = new Random(20261124L + callingCode);
        int valid = 0;
        int rejected = 0;
        int tried = 0;
        for (int first = 100; first < 1000; first++) {
            for (int length = 4; length <= 13; length++) {
                for (int k = 0; k < 3; k++) {
                    StringBuilder digits = new StringBuilder(Integer.toString(first));
                    while (digits.length() < length) {
                        digits.append((char) ('0' + random.nextInt(10)));
                    }
                    char[] chars = digits.toString().toCharArray();
                    boolean may = table.may(chars, 0, chars.length);
                    PhoneNumber number = new PhoneNumber().setCountryCode(callingCode).setNationalNumber(Long.parseLong(digits.toString()));
                    tried++;
                    if (UTIL.isValidNumber(number)) {
                        valid++;
                        assertThat(may).as("+%d %s is valid", callingCode, digits).isTrue();
                    }
                    if (!may) {
                        rejected++;
                    }
                }
            }
        }
        assertThat(valid).isGreaterThan(100);
        assertThat(rejected).isGreaterThan(tried / 10);
    }

    private static List<PhoneMetadata> regionsOf(int callingCode) {
        List<PhoneMetadata> regions = new ArrayList<>();
        for (String region : UTIL.getRegionCodesForCountryCode(callingCode)) {
            regions.add(DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource().getMetadataForRegion(region));
        }
        return regions;
    }
}
