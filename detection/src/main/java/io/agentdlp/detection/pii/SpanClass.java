package io.agentdlp.detection.pii;

/**
 * A set of characters that contains every character some matchers' patterns can match. A match
 * can therefore never cross a character outside the set: it lies inside one maximal run of
 * members, and searching those runs alone (with transparent bounds) finds exactly what a search
 * over the whole text finds. Runs are kept only when some matcher of the class could use them.
 */
enum SpanClass {
    /** Cards, IBAN, SSN, national ids: {@code [A-Z0-9 +-x]} (the {@code x} of a Chinese id's check character). */
    IDENTIFIER("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 +-x"),
    /** IPv4 and IPv6 addresses. */
    IP_ADDRESS("0123456789abcdefABCDEF.:"),
    /** E-mail addresses. */
    EMAIL("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-@");

    /** By character up to U+00FF, so a screen byte ({@link ScreenText}) indexes it directly; members are ASCII. */
    private final boolean[] ascii = new boolean[256];

    SpanClass(String members) {
        for (int i = 0; i < members.length(); i++) {
            ascii[members.charAt(i)] = true;
        }
    }

    /** Members are ASCII: none of these patterns matches anything else. */
    boolean member(char c) {
        return c < 128 && ascii[c];
    }

    /**
     * The maximal runs of members of {@code text} around each occurrence of {@code required}, found in the
     * string (a vectorised search) and grown in its screen bytes ({@link ScreenText}). Each run counts, as its
     * dots, the dots after its first {@code required}: an e-mail address's domain has one after its {@code @}.
     * The spans are written into {@code reused} (stale contents), grown when full ({@link Spans#array()}).
     */
    Spans around(String text, byte[] bytes, char required, int[] reused) {
        boolean[] member = ascii;
        Spans out = new Spans(reused);
        int n = bytes.length;
        int end = 0;
        for (int at = text.indexOf(required); at >= 0; at = text.indexOf(required, end)) {
            int start = at;
            while (start > 0 && member[bytes[start - 1] & 0xFF]) {
                start--;
            }
            int dots = 0;
            byte c;
            end = at + 1;
            while (end < n && member[(c = bytes[end]) & 0xFF]) {
                dots += c == '.' ? 1 : 0;
                end++;
            }
            out.add(start, end, 0, 0, dots, 0, 0, 0);
        }
        return out;
    }

    /** Whether a run with these counts can hold a match. */
    @FunctionalInterface
    interface RunFilter {
        boolean test(int digits, int dots, int colons);
    }

    /**
     * Grows the maximal run of members around {@code at}, counts its digits, inner dots and colons, and adds it
     * to {@code out} if it holds a digit and {@code keep} accepts it. Returns the run's end. A dot at either end
     * of the run is not counted: no IPv4 address ends there (its three dots have a digit on both sides), and the
     * versions of texts often stand before a full stop ({@code 4.17.21.}), whose span the IPv4 pattern then need
     * not search.
     */
    int grow(byte[] text, int at, Spans out, RunFilter keep) {
        boolean[] member = ascii;
        int n = text.length;
        int start = at;
        while (start > 0 && member[text[start - 1] & 0xFF]) {
            start--;
        }
        int i = start;
        int count = 0;
        int dots = 0;
        int colons = 0;
        byte c;
        while (i < n && member[(c = text[i]) & 0xFF]) {
            // counted without branches: the members of a run (digits, letters, separators) alternate unpredictably
            count += DigitRuns.isDigit((char) c) ? 1 : 0;
            dots += c == '.' ? 1 : 0;
            colons += c == ':' ? 1 : 0;
            i++;
        }
        dots -= (text[start] == '.' ? 1 : 0) + (text[i - 1] == '.' ? 1 : 0);
        if (count > 0 && keep.test(count, dots, colons)) {
            out.add(start, i, count, 0, dots, colons, 0, 0);
        }
        return i;
    }
}
