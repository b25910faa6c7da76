package io.agentdlp.detection.pii;

import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

/**
 * The fewest digits a valid phone number can be written with, read from the metadata libphonenumber
 * validates against (so it follows library upgrades). A valid number's national part has one of its
 * region's possible lengths (validation checks the general description's lengths first; local-only
 * lengths are never valid), and every region sharing a calling code counts, since validation tries
 * them all. A number written without a plus is national to the default region's calling code, or
 * starts with the default region's international prefix and then a calling code.
 */
final class PhoneNumberLengths {
    private static final int UNREACHABLE = Integer.MAX_VALUE / 2;
    /** The parser refuses shorter national numbers; used when metadata lists no lengths. */
    private static final int PARSER_MIN_NATIONAL = 2;
    private static final int LONGEST_PREFIX_PROBED = 4;

    private PhoneNumberLengths() {
    }

    /** Fewest digits of a valid number written with its calling code (after a plus or an international prefix). */
    static int withCountryCode(PhoneNumberUtil util) {
        MetadataSource source = metadata();
        int min = UNREACHABLE;
        for (String region : util.getSupportedRegions()) {
            PhoneMetadata m = source.getMetadataForRegion(region);
            min = Math.min(min, String.valueOf(m.getCountryCode()).length() + shortestNational(m));
        }
        for (int code : util.getSupportedGlobalNetworkCallingCodes()) {
            PhoneMetadata m = source.getMetadataForNonGeographicalRegion(code);
            min = Math.min(min, String.valueOf(code).length() + shortestNational(m));
        }
        return min;
    }

    /** Fewest digits of a valid number written without a plus, read with {@code region} as the default. */
    static int withoutPlus(PhoneNumberUtil util, String region) {
        int code = util.getCountryCodeForRegion(region);
        if (code == 0) {
            return UNREACHABLE;
        }
        MetadataSource source = metadata();
        int national = UNREACHABLE;
        for (String sharing : util.getRegionCodesForCountryCode(code)) {
            national = Math.min(national, shortestNational(source.getMetadataForRegion(sharing)));
        }
        int prefix = shortestInternationalPrefix(source.getMetadataForRegion(region));
        return Math.min(national, prefix >= UNREACHABLE ? UNREACHABLE : prefix + withCountryCode(util));
    }

    private static MetadataSource metadata() {
        return DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    }

    private static int shortestNational(PhoneMetadata m) {
        int min = UNREACHABLE;
        for (int length : m.getGeneralDesc().getPossibleLengthList()) {
            if (length > 0) {
                min = Math.min(min, length);
            }
        }
        return min == UNREACHABLE && m.getGeneralDesc().getPossibleLengthCount() == 0 ? PARSER_MIN_NATIONAL : min;
    }

    /** Length of the shortest digit string the region's international prefix pattern matches (the parser strips what it matches). */
    private static int shortestInternationalPrefix(PhoneMetadata m) {
        if (!m.hasInternationalPrefix() || m.getInternationalPrefix().isEmpty()) {
            return UNREACHABLE;
        }
        Pattern idd = Pattern.compile(m.getInternationalPrefix());
        for (int length = 1; length <= LONGEST_PREFIX_PROBED; length++) {
            int bound = (int) Math.pow(10, length);
            for (int p = 0; p < bound; p++) {
                StringBuilder digits = new StringBuilder(Integer.toString(p));
                while (digits.length() < length) {
                    digits.insert(0, '0');
                }
                if (idd.matcher(digits).matches()) {
                    return length;
                }
            }
        }
        return LONGEST_PREFIX_PROBED + 1;
    }
}
