package io.agentdlp.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotent event ids: hex SHA-256 over (source, device id, the source record's native ids, a
 * digest of the source record, the index of the event within the record). The same native record
 * delivered twice (agent retry, OTLP exporter retry, spool replay) gets the same id, so downstream
 * de-duplication works; two distinct records differ at least in their digest.
 */
public final class EventIds {
    private static final HexFormat HEX = HexFormat.of();

    private EventIds() {
    }

    /**
     * @param source       the event source symbol, e.g. {@code claude_hook}
     * @param deviceId     device id
     * @param recordDigest digest of the whole native record (its bytes as received)
     * @param index        position of this event among the events made from the record
     * @param nativeIds    the record's own ids (session, prompt, tool use, sequence...); nulls allowed
     */
    public static String of(String source, String deviceId, byte[] recordDigest, int index, String... nativeIds) {
        MessageDigest md = sha256();
        field(md, source);
        field(md, deviceId);
        for (String id : nativeIds) {
            field(md, id);
        }
        md.update(recordDigest);
        field(md, Integer.toString(index));
        return HEX.formatHex(md.digest());
    }

    /** SHA-256 of a native record's bytes, the {@code recordDigest} argument of {@link #of}. */
    public static byte[] digest(byte[] record) {
        return ContentFactory.sha256(record);
    }

    private static void field(MessageDigest md, String value) {
        // length-prefixed so ("ab","c") and ("a","bc") never collide; null distinct from ""
        if (value == null) {
            md.update((byte) 0);
            return;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 1);
        md.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
