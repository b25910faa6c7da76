package io.agentdlp.detection.pii;

/**
 * One text as the matchers see it: the text, and per kind of value the spans that can hold one,
 * each computed on first use and shared by the matchers of that kind. An unscreened text offers
 * its whole length as the only span, which is what the spans must be equivalent to.
 */
final class Screening {
    /** The span filters of the IP matcher: IPv4 (4 digits, 3 dots) or IPv6 (2 colons). */
    private static final SpanClass.RunFilter ANY_IP_ADDRESS = (digits, dots, colons) -> (digits >= 4 && dots >= 3) || colons >= 2;

    private final String text;
    private final boolean unscreened;
    private Spans identifiers;
    private Spans ipAddresses;
    private Spans emails;
    private char[] chars;
    private DigitRuns digits;
    private DigitRunWalk walk;

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

    /** The identifier spans and, for an ASCII text, the phone windows, built in one walk over the digit runs. */
    private DigitRunWalk walk() {
        if (walk == null) {
            walk = DigitRunWalk.of(chars(), digits(), !digits().nonAscii());
        }
        return walk;
    }

    /** Runs of {@code [A-Z0-9 +-x]} with a digit that some identifier matcher's span filter accepts. */
    Spans identifiers() {
        if (identifiers == null) {
            identifiers = unscreened ? Spans.whole(text) : walk().identifiers();
        }
        return identifiers;
    }

    /**
     * Every phone window ({@link PhoneWindows}) that holds an ASCII digit and a separator or plus, and
     * possibly others: from the digit runs for an ASCII text, from the whole text otherwise. Not for an
     * unscreened text (the phone matcher then searches the whole text itself).
     */
    void phoneWindows(PhoneWindows.Window out) {
        if (digits().nonAscii()) {
            PhoneWindows.forEach(chars(), out);
        } else {
            walk().phoneWindows(out);
        }
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
