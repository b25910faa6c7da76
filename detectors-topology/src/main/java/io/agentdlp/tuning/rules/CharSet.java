package io.agentdlp.tuning.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The characters one regex atom can consume, exact over ASCII and approximated above it by a few
 * probe characters. Membership is decided by java.util.regex itself (the atom's source compiled with
 * the flags in force), so character-class semantics are never re-implemented here.
 */
final class CharSet {
    static final CharSet EMPTY = new CharSet(0, 0, false);
    static final CharSet ANY = new CharSet(-1L, -1L, true);
    /** Non-ASCII probes: Latin-1 letter, Greek, CJK, no-break space, line separator, dotted capital I. */
    private static final String NON_ASCII = "\u00e9\u03bb\u4e2d\u00a0\u2028\u0130";
    private static final Map<String, CharSet> CACHE = new ConcurrentHashMap<>();

    private final long low;
    private final long high;
    private final boolean nonAscii;

    private CharSet(long low, long high, boolean nonAscii) {
        this.low = low;
        this.high = high;
        this.nonAscii = nonAscii;
    }

    /** The set of single characters {@code atom} matches under {@code flags}. */
    static CharSet of(String atom, int flags) {
        return CACHE.computeIfAbsent(flags + "/" + atom, k -> compute(Pattern.compile(atom, flags)));
    }

    private static CharSet compute(Pattern p) {
        long low = 0;
        long high = 0;
        for (int c = 0; c < 128; c++) {
            if (p.matcher(String.valueOf((char) c)).matches()) {
                if (c < 64) {
                    low |= 1L << c;
                } else {
                    high |= 1L << (c - 64);
                }
            }
        }
        boolean other = false;
        for (int i = 0; i < NON_ASCII.length() && !other; i++) {
            other = p.matcher(NON_ASCII.substring(i, i + 1)).matches();
        }
        return new CharSet(low, high, other);
    }

    CharSet union(CharSet o) {
        return new CharSet(low | o.low, high | o.high, nonAscii || o.nonAscii);
    }

    CharSet intersect(CharSet o) {
        return new CharSet(low & o.low, high & o.high, nonAscii && o.nonAscii);
    }

    boolean isEmpty() {
        return low == 0 && high == 0 && !nonAscii;
    }

    boolean contains(char c) {
        if (c >= 128) {
            return nonAscii;
        }
        return c < 64 ? (low & (1L << c)) != 0 : (high & (1L << (c - 64))) != 0;
    }

    /**
     * A representative member, preferring what reads well in a report and what a pattern is least
     * likely to treat specially: lower-case letter, digit, upper-case letter, then anything.
     */
    char sample() {
        for (String range : new String[] {"az", "09", "AZ", "!~", " ~"}) {
            for (char c = range.charAt(0); c <= range.charAt(1); c++) {
                if (contains(c)) {
                    return c;
                }
            }
        }
        for (char c = 0; c < 128; c++) {
            if (contains(c)) {
                return c;
            }
        }
        return nonAscii ? NON_ASCII.charAt(0) : 'a';
    }

    /** A short human rendering, e.g. {@code [a-z0-9_]} or {@code [\t\n ]}. */
    String describe() {
        if (isEmpty()) {
            return "[]";
        }
        StringBuilder b = new StringBuilder("[");
        int c = 0;
        while (c < 128) {
            if (!contains((char) c)) {
                c++;
                continue;
            }
            int end = c;
            while (end + 1 < 128 && contains((char) (end + 1))) {
                end++;
            }
            b.append(printable(c));
            if (end > c + 1) {
                b.append('-').append(printable(end));
            } else if (end == c + 1) {
                b.append(printable(end));
            }
            c = end + 1;
        }
        if (nonAscii) {
            b.append("\u2026");
        }
        return b.append(']').toString();
    }

    private static String printable(int c) {
        return switch (c) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case ']', '\\', '-', '[', '^' -> "\\" + (char) c;
            default -> c < 32 || c == 127 ? String.format("\\x%02x", c) : String.valueOf((char) c);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharSet s && s.low == low && s.high == high && s.nonAscii == nonAscii;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(low) * 31 + Long.hashCode(high) * 7 + (nonAscii ? 1 : 0);
    }
}
