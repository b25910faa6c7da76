package io.agentdlp.detection.pii;

/**
 * One text as the matchers see it: the text, and per kind of value the spans that can hold one,
 * each computed on first use and shared by the matchers of that kind. An unscreened text offers
 * its whole length as the only span, which is what the spans must be equivalent to.
 */
final class Screening {
    /**
     * The union of the identifier matchers' span filters: 9 digits (SSN, BSN, HETU; every other
     * all-digit identifier needs more), 7 digits and an upper-case letter (Spanish DNI/NIE), 6 digits
     * and 3 upper-case letters (UK NINO), 2 upper-case letters over 12 characters (IBAN). A span none
     * of them accepts is dropped at once.
     */
    private static final Spans.Filter ANY_IDENTIFIER = (s, i) -> s.digits(i) >= 9 || (s.digits(i) >= 7 && s.upper(i) >= 1)
            || (s.upper(i) >= 2 && s.length(i) >= 12) || (s.digits(i) >= 6 && s.upper(i) >= 3);
    /** The fewest digits a span of digits alone needs to pass {@link #ANY_IDENTIFIER}. */
    private static final int IDENTIFIER_MIN_DIGITS_ALONE = 9;
    /** The span filters of the IP matcher: IPv4 (4 digits, 3 dots) or IPv6 (2 colons). */
    private static final Spans.Filter ANY_IP_ADDRESS = (s, i) -> (s.digits(i) >= 4 && s.dots(i) >= 3) || s.colons(i) >= 2;

    private final String text;
    private final boolean unscreened;
    private Spans identifiers;
    private Spans ipAddresses;
    private Spans emails;
    private char[] chars;
    private DigitRuns digits;

    private Screening(String text, boolean unscreened) {
        this.text = text;
        this.unscreened = unscreened;
    }

    static Screening of(String text) {
        return new Screening(text, false);
    }

    /** Every matcher searches the whole text: the reference the screened search must agree with. */
    static Screening unscreened(String text) {
        return new Screening(text, true);
    }

    String text() {
        return text;
    }

    boolean isUnscreened() {
        return unscreened;
    }

    /** The text's characters, copied once so the screens read an array (no per-character string checks). */
    char[] chars() {
        if (chars == null) {
            chars = text.toCharArray();
        }
        return chars;
    }

    /** The runs of ASCII digits, found once for all screens. */
    DigitRuns digits() {
        if (digits == null) {
            digits = DigitRuns.of(text, chars());
        }
        return digits;
    }

    /** Runs of {@code [A-Z0-9 +-x]} with a digit that some identifier matcher's span filter accepts. */
    Spans identifiers() {
        if (identifiers == null) {
            identifiers = unscreened ? Spans.whole(text) : SpanClass.IDENTIFIER.spans(chars(), digits(), IDENTIFIER_MIN_DIGITS_ALONE, ANY_IDENTIFIER);
        }
        return identifiers;
    }

    /**
     * Runs of hex digits, dots and colons with four digits and three dots (IPv4), or two colons and a digit (IPv6: a
     * public address is in 2000::/3, so its first group is written {@code 2xxx} or {@code 3xxx}).
     */
    Spans ipAddresses() {
        if (ipAddresses == null) {
            ipAddresses = unscreened ? Spans.whole(text) : SpanClass.IP_ADDRESS.around(text, chars(), '.', ':', ANY_IP_ADDRESS);
        }
        return ipAddresses;
    }

    /** Runs of e-mail characters around an {@code @}. */
    Spans emails() {
        if (emails == null) {
            emails = unscreened ? Spans.whole(text) : SpanClass.EMAIL.around(text, '@');
        }
        return emails;
    }
}
