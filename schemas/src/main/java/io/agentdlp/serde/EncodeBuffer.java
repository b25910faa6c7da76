package io.agentdlp.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * A serializing thread's reusable output: the growable byte buffer and Avro encoder that every record is
 * written into before being copied out in one array of its exact size. A fresh buffer and encoder per record
 * (the buffer grown by doubling from 256 bytes, the encoder's own 2 KB buffer) made about three times a
 * record's size in garbage on every producing thread (gateway, topology); reusing them leaves one array per
 * record. A buffer that a huge record grew beyond {@link #RETAINED_BYTES} is dropped after use, so an idle
 * thread holds little.
 */
final class EncodeBuffer {
    static final int RETAINED_BYTES = 1 << 20;
    private static final ThreadLocal<EncodeBuffer> OF_THREAD = ThreadLocal.withInitial(EncodeBuffer::new);

    private final Output out = new Output();
    private BinaryEncoder encoder;
    private boolean inUse;

    /** The calling thread's buffer; a nested use (a writer that serializes again) gets a buffer of its own. */
    static EncodeBuffer ofThisThread() {
        EncodeBuffer b = OF_THREAD.get();
        if (b.inUse) {
            b = new EncodeBuffer();
        }
        b.inUse = true;
        return b;
    }

    /** The wire-format bytes of {@code datum}: header with {@code schemaId}, then the Avro binary datum. */
    byte[] encode(int schemaId, Object datum, DatumWriter<Object> writer) throws IOException {
        out.reset();
        out.writeBytes(WireFormat.header(schemaId));
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        try {
            writer.write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // a write that failed midway leaves bytes in the encoder's buffer, which reusing it would flush
            // into the next record
            encoder = null;
            throw e;
        }
        return out.toByteArray();
    }

    /**
     * Ends a use; the thread's buffer, when a huge record grew it past {@link #RETAINED_BYTES}, is not kept. A nested
     * use's own buffer is never the thread's, so releasing it leaves the thread's buffer alone.
     */
    void release() {
        inUse = false;
        if (out.capacity() > RETAINED_BYTES && OF_THREAD.get() == this) {
            OF_THREAD.remove();
        }
    }

    int capacity() {
        return out.capacity();
    }

    private static final class Output extends ByteArrayOutputStream {
        Output() {
            super(4096);
        }

        int capacity() {
            return buf.length;
        }
    }
}
