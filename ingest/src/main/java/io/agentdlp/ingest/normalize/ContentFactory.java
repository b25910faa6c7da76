package io.agentdlp.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.agentdlp.avro.Content;

/**
 * Builds the {@link Content} of an event: size and SHA-256 always over the full UTF-8 text, the
 * text itself cut to a maximum length so one huge tool output cannot exceed the topic's record
 * limit.
 */
public final class ContentFactory {
    /** Default text cap: 256 Ki characters (the egress topic accepts 2 MiB records). */
    public static final int DEFAULT_MAX_TEXT_CHARS = 256 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final int maxTextChars;

    public ContentFactory(int maxTextChars) {
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("maxTextChars must be >= 1");
        }
        this.maxTextChars = maxTextChars;
    }

    public static ContentFactory standard() {
        return new ContentFactory(DEFAULT_MAX_TEXT_CHARS);
    }

    /** Content carrying {@code text} (null or empty text gives null: nothing to carry). */
    public Content of(String text, String field) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        boolean truncated = text.length() > maxTextChars;
        String kept = truncated ? prefix(text, maxTextChars) : text;
        return new Content(kept, (long) utf8.length, sha256Hex(utf8), truncated, false, field);
    }

    /** Content whose text the agent withheld: only the size it reported survives. */
    public Content redactedBySource(long bytes, String field) {
        return new Content(null, Math.max(0, bytes), null, false, true, field);
    }

    /**
     * Content of which the source itself sent only a prefix: the size is the source's figure for the
     * whole text, no hash (the whole text was never seen), {@code truncated} set.
     */
    public Content partial(String prefix, long totalBytes, String field) {
        if (prefix == null || prefix.isEmpty()) {
            return redactedBySource(totalBytes, field);
        }
        String kept = prefix.length() > maxTextChars ? prefix(prefix, maxTextChars) : prefix;
        return new Content(kept, Math.max(totalBytes, 0), null, true, false, field);
    }

    /** Hex SHA-256 of UTF-8 bytes. */
    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String prefix(String text, int max) {
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return text.substring(0, end);
    }
}
