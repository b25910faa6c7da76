package io.agentdlp.topology;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Compact binary encoding of the detectors' internal state (store values and repartitioned
 * records): a version byte, then fixed-width numbers and length-prefixed UTF-8 strings. Internal
 * topics only; the public topics use Avro through the schema registry.
 */
public final class StateBytes {
    private StateBytes() {
    }

    /** Growable writer. */
    public static final class Writer {
        private ByteBuffer buf;

        public Writer(int initial, int version) {
            buf = ByteBuffer.allocate(Math.max(16, initial));
            buf.put((byte) version);
        }

        private void ensure(int n) {
            if (buf.remaining() < n) {
                ByteBuffer b = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n));
                buf.flip();
                b.put(buf);
                buf = b;
            }
        }

        public Writer putLong(long v) {
            ensure(8);
            buf.putLong(v);
            return this;
        }

        public Writer putInt(int v) {
            ensure(4);
            buf.putInt(v);
            return this;
        }

        public Writer putDouble(double v) {
            ensure(8);
            buf.putDouble(v);
            return this;
        }

        public Writer putByte(int v) {
            ensure(1);
            buf.put((byte) v);
            return this;
        }

        public Writer putBoolean(boolean v) {
            return putByte(v ? 1 : 0);
        }

        /** Length-prefixed UTF-8; null written as length -1. */
        public Writer putString(String s) {
            if (s == null) {
                return putInt(-1);
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            ensure(b.length);
            buf.put(b);
            return this;
        }

        /** Count-prefixed strings; null written as count -1. */
        public Writer putStrings(List<String> values) {
            if (values == null) {
                return putInt(-1);
            }
            putInt(values.size());
            values.forEach(this::putString);
            return this;
        }

        public Writer putBytes(byte[] b) {
            putInt(b.length);
            ensure(b.length);
            buf.put(b);
            return this;
        }

        /**
         * Length-prefixed bytes, as {@link #putBytes(byte[])} writes them, that {@code content} writes straight
         * into this writer (no intermediate array).
         */
        public Writer putBytes(Content content) throws IOException {
            ensure(4);
            int lengthAt = buf.position();
            buf.putInt(0);
            content.writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    ensure(1);
                    buf.put((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    ensure(len);
                    buf.put(b, off, len);
                }
            });
            buf.putInt(lengthAt, buf.position() - lengthAt - 4);
            return this;
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }

    /** Bytes written to a stream, for {@link Writer#putBytes(Content)}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Reader that turns truncated or foreign input into a {@link SerializationException}. */
    public static final class Reader {
        private final ByteBuffer buf;
        private final String what;

        public Reader(byte[] data, String what, int expectedVersion) {
            this.buf = ByteBuffer.wrap(data);
            this.what = what;
            int v = data.length == 0 ? -1 : buf.get();
            if (v != expectedVersion) {
                throw new SerializationException("cannot read " + what + ": format version " + v + ", expected "
                        + expectedVersion);
            }
        }

        public long getLong() {
            try {
                return buf.getLong();
            } catch (BufferUnderflowException e) {
                throw truncated(e);
            }
        }

        public int getInt() {
            try {
                return buf.getInt();
            } catch (BufferUnderflowException e) {
                throw truncated(e);
            }
        }

        public double getDouble() {
            try {
                return buf.getDouble();
            } catch (BufferUnderflowException e) {
                throw truncated(e);
            }
        }

        public int getByte() {
            try {
                return buf.get();
            } catch (BufferUnderflowException e) {
                throw truncated(e);
            }
        }

        public boolean getBoolean() {
            return getByte() != 0;
        }

        public String getString() {
            int n = getInt();
            if (n == -1) {
                return null;
            }
            // Decoded in place: summaries and timeline entries hold dozens of strings, each read otherwise copied twice.
            checkLength(n);
            int at = buf.position();
            buf.position(at + n);
            return new String(buf.array(), at, n, StandardCharsets.UTF_8);
        }

        /** What {@link Writer#putStrings} wrote. */
        public List<String> getStrings() {
            int n = getInt();
            if (n < 0) {
                return null;
            }
            List<String> out = new ArrayList<>(Math.min(n, 64));
            for (int i = 0; i < n; i++) {
                out.add(getString());
            }
            return out;
        }

        public byte[] getBytes() {
            return bytes(getInt());
        }

        private byte[] bytes(int n) {
            checkLength(n);
            byte[] b = new byte[n];
            buf.get(b);
            return b;
        }

        private void checkLength(int n) {
            if (n < 0 || n > buf.remaining()) {
                throw new SerializationException("cannot read " + what + ": length " + n + " exceeds the "
                        + buf.remaining() + " bytes left");
            }
        }

        private SerializationException truncated(BufferUnderflowException e) {
            return new SerializationException("cannot read " + what + ": truncated", e);
        }
    }
}
