package io.agentdlp.detection.pii;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight screen bytes ({@link ScreenText}) at a time, little-endian: which are identifier members
 * ({@link SpanClass#IDENTIFIER}: {@code [A-Z0-9 +-x]}), upper-case letters and digits, as masks with the high
 * bit of each such byte. An identifier span around a digit run usually ends a few characters away on both
 * sides; a byte loop mispredicts each end and each change between digits and other members, eight bytes read
 * at once decide the end with one count of zero bits.
 */
final class IdentifierWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long ONES = 0x0101010101010101L;

    private IdentifierWords() {
    }

    /** The eight bytes of {@code text} from {@code at}. */
    static long read(byte[] text, int at) {
        return (long) LONGS.get(text, at);
    }

    /** The high bit of each byte of {@code x} that is an identifier member. */
    static long members(long x) {
        return digits(x) | upper(x) | equal(x, ' ') | equal(x, '+') | equal(x, '-') | equal(x, 'x');
    }

    /** The high bit of each byte of {@code x} that is an ASCII digit. */
    static long digits(long x) {
        return inRange(x, '0', '9');
    }

    /** The high bit of each byte of {@code x} that is an ASCII upper-case letter. */
    static long upper(long x) {
        return inRange(x, 'A', 'Z');
    }

    /** Bytes from {@code low} to {@code high} (ASCII): the sums stay within each byte, and bytes above ASCII are none. */
    private static long inRange(long x, char low, char high) {
        long seven = x & LOW_SEVEN_BITS;
        long atLeastLow = seven + (0x80 - low) * ONES;
        long aboveHigh = seven + (0x7F - high) * ONES;
        return atLeastLow & ~aboveHigh & ~x & HIGH_BITS;
    }

    /** Bytes equal to {@code c}: exact (no carry from a lower byte). */
    private static long equal(long x, char c) {
        long t = x ^ (c * ONES);
        return ~(((t & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | t) & HIGH_BITS;
    }
}
