package io.agentdlp.detection.fingerprint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Compact binary encoding for index keys and values: unsigned LEB128 varints, big-endian fixed ints. */
final class Bytes {
    private byte[] buf;
    private int len;

    Bytes(int capacity) {
        buf = new byte[Math.max(8, capacity)];
    }

    Bytes clear() {
        len = 0;
        return this;
    }

    int length() {
        return len;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    Bytes varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
        return this;
    }

    Bytes u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    Bytes fixedInt(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    Bytes fixedLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
        return this;
    }

    Bytes raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    Bytes string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        return raw(b);
    }

    /** Postings key of a shape: its 7 significant bytes, big-endian. */
    static byte[] shapeKey(long shape) {
        byte[] k = new byte[7];
        for (int i = 0; i < 7; i++) {
            k[i] = (byte) (shape >>> (48 - 8 * i));
        }
        return k;
    }

    static long readShape(byte[] key) {
        long v = 0;
        for (int i = 0; i < 7; i++) {
            v = (v << 8) | (key[i] & 0xFF);
        }
        return v;
    }

    static byte[] longKey(long v) {
        return new Bytes(8).fixedLong(v).toArray();
    }

    static byte[] intKey(int v) {
        return new Bytes(4).fixedInt(v).toArray();
    }

    static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    static int readInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** Sequential reader over an encoded value. */
    static final class Reader {
        private final byte[] b;
        private int pos;
        private final int end;

        Reader(byte[] b) {
            this(b, 0, b.length);
        }

        Reader(byte[] b, int from, int to) {
            this.b = b;
            this.pos = from;
            this.end = to;
        }

        boolean hasMore() {
            return pos < end;
        }

        long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                if (pos >= end) {
                    throw new IllegalStateException("truncated varint at " + pos);
                }
                byte x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
                shift += 7;
                if (shift > 63) {
                    throw new IllegalStateException("varint too long at " + pos);
                }
            }
        }

        int varintInt() {
            long v = varint();
            if (v > Integer.MAX_VALUE) {
                throw new IllegalStateException("varint " + v + " does not fit an int");
            }
            return (int) v;
        }

        int u8() {
            if (pos >= end) {
                throw new IllegalStateException("truncated value at " + pos);
            }
            return b[pos++] & 0xFF;
        }

        long fixedLong() {
            long v = readLong(b, pos);
            pos += 8;
            return v;
        }

        int fixedInt() {
            int v = readInt(b, pos);
            pos += 4;
            return v;
        }

        byte[] raw(int n) {
            byte[] out = Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }

        String string() {
            int n = varintInt();
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
    }
}
