package io.agentdlp.serde;

/**
 * Confluent's framing of a serialized record: byte 0 is the magic byte {@code 0}, bytes 1-4 the
 * registry schema id as a big-endian signed 32-bit integer, then the datum in Avro binary encoding
 * (no container header, no schema fingerprint).
 */
public final class WireFormat {
    /** The only magic byte defined by the format. */
    public static final byte MAGIC_BYTE = 0;
    /** Bytes before the Avro body: magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The 5-byte header for {@code schemaId}. */
    public static byte[] header(int schemaId) {
        return new byte[] {MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8), (byte) schemaId};
    }
}
