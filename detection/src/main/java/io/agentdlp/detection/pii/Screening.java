package io.agentdlp.detection.pii;

/**
 * One text as the matchers see it: the text, and per kind of value the spans that can hold one,
 * each computed on first use and shared by the matchers of that kind. An unscreened text offers
 * its whole length as the only span, which is what the spans must be equivalent to.
 */
final class Screening {
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    private final String text;
    private final boolean unscreened;
    private Spans identifiers;
    private Spans ipAddresses;
    private Spans emails;
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

    /** The runs of ASCII digits, found once for all screens. */
    DigitRuns digits() {
        if (digits == null) {
            digits = new DigitRuns(text);
        }
        return digits;
    }

    /** Runs of {@code [A-Z0-9 +-x]} with at least two digits (the fewest any identifier has: an IBAN's check digits). */
    Spans identifiers() {
        if (identifiers == null) {
            identifiers = unscreened ? Spans.whole(text) : SpanClass.IDENTIFIER.spans(text, digits(), 2, NO_LIMIT);
        }
        return identifiers;
    }

    /**
     * Runs of hex digits, dots and colons with four digits (IPv4), or two colons and a digit (IPv6: a
     * public address is in 2000::/3, so its first group is written {@code 2xxx} or {@code 3xxx}).
     */
    Spans ipAddresses() {
        if (ipAddresses == null) {
            ipAddresses = unscreened ? Spans.whole(text) : SpanClass.IP_ADDRESS.spans(text, digits(), 4, 2);
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
