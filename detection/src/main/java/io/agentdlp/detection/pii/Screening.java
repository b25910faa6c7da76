package io.agentdlp.detection.pii;

/**
 * One text as the matchers see it: the text, and per kind of value the spans that can hold one,
 * each computed on first use and shared by the matchers of that kind. An unscreened text offers
 * its whole length as the only span, which is what the spans must be equivalent to.
 */
final class Screening {
    private final String text;
    private final byte[] bytes;
    private final DigitRuns digits;
    private final boolean unscreened;
    private final int fewestPhoneWindowDigits;
    private Spans identifiers;
    private Spans ipAddresses;
    private Spans emails;
    private DigitRunWalk walk;
    private final ScanBuffers buffers;

    private Screening(ScreenText text, boolean unscreened, int fewestPhoneWindowDigits, ScanBuffers buffers) {
        this.text = text.text();
        this.bytes = text.bytes();
        this.digits = text.digits();
        this.unscreened = unscreened;
        this.fewestPhoneWindowDigits = fewestPhoneWindowDigits;
        this.buffers = buffers;
    }

    /** A screened text whose phone windows need {@code fewestPhoneWindowDigits} digits ({@link PhoneMatcher#fewestWindowDigits}). */
    static Screening of(ScreenText text, int fewestPhoneWindowDigits) {
        return of(text, fewestPhoneWindowDigits, new ScanBuffers());
    }

    /** As {@link #of(ScreenText, int)}, the walk's spans and windows in {@code buffers}' arrays. */
    static Screening of(ScreenText text, int fewestPhoneWindowDigits, ScanBuffers buffers) {
        return new Screening(text, false, fewestPhoneWindowDigits, buffers);
    }

    /** Every matcher searches the whole text: the reference the screened search must agree with. */
    static Screening unscreened(ScreenText text) {
        return new Screening(text, true, 0, new ScanBuffers());
    }

    String text() {
        return text;
    }

    boolean isUnscreened() {
        return unscreened;
    }

    /** The text's characters as one byte each ({@link ScreenText}): the screens read an array, no per-character string checks. */
    byte[] bytes() {
        return bytes;
    }

    /** The runs of ASCII digits, found once for all screens. */
    DigitRuns digits() {
        return digits;
    }

    /** The identifier spans and, for an ASCII text, the phone windows, built in one walk over the digit runs. */
    private DigitRunWalk walk() {
        if (walk == null) {
            walk = DigitRunWalk.of(bytes, digits, !digits.nonAscii(), fewestPhoneWindowDigits, buffers);
        }
        return walk;
    }

    /** Whether a date-of-birth label can end right before a date ({@link DateOfBirthMatcher#labelBeforeDate}), found by the walk. */
    boolean mayHoldDateOfBirthLabel() {
        return walk().mayHoldDateOfBirthLabel();
    }

    /** Runs of {@code [A-Z0-9 +-x]} with a digit that some identifier matcher's span filter accepts. */
    Spans identifiers() {
        if (identifiers == null) {
            identifiers = unscreened ? Spans.whole(text) : walk().identifiers();
        }
        return identifiers;
    }

    /**
     * Every phone window ({@link PhoneWindows}) that holds an ASCII digit, a separator or plus and the fewest
     * digits the phone matcher searches, and possibly others: from the digit runs for an ASCII text, from the whole text otherwise. Not for an
     * unscreened text (the phone matcher then searches the whole text itself).
     */
    void phoneWindows(PhoneWindows.Window out) {
        if (digits.nonAscii()) {
            // the whole-text reading needs the characters above ASCII themselves (Unicode digits, full-width signs)
            PhoneWindows.forEach(text.toCharArray(), out);
        } else {
            walk().phoneWindows(out);
        }
    }

    /**
     * Runs of hex digits, dots and colons with four digits and three dots (IPv4), or two colons and a digit, that can
     * hold an address the IP matcher reports, found by the walk ({@link DigitRunWalk#ipAddresses}).
     */
    Spans ipAddresses() {
        if (ipAddresses == null) {
            ipAddresses = unscreened ? Spans.whole(text) : walk().ipAddresses();
        }
        return ipAddresses;
    }

    /** Runs of e-mail characters around an {@code @}, counting the dots after their first {@code @} ({@link SpanClass#around}). */
    Spans emails() {
        if (emails == null) {
            if (unscreened) {
                emails = Spans.whole(text);
            } else {
                emails = SpanClass.EMAIL.around(text, bytes, '@', buffers.emailSpans());
                buffers.keepEmailSpans(emails.array());
            }
        }
        return emails;
    }
}
