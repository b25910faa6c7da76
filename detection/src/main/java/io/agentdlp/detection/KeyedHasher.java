package io.agentdlp.detection;

import java.nio.charset.StandardCharsets;

/**
 * HMAC-SHA256 of detected values under a per-deployment key: the same value always gives the same
 * hash inside one deployment (so alerts correlate), while the value cannot be recovered or
 * confirmed by guessing without the key. Thread-safe (one MAC state per thread).
 */
public final class KeyedHasher {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private final byte[] key;
    private final ThreadLocal<HmacSha256> macs;

    /** @param key deployment key, at least 16 bytes */
    public KeyedHasher(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("keyed-hash key must be at least 16 bytes");
        }
        this.key = key.clone();
        this.macs = ThreadLocal.withInitial(() -> new HmacSha256(this.key));
    }

    /** Key from configuration text (e.g. env {@code AGENTDLP_HASH_KEY}); UTF-8 bytes. */
    public static KeyedHasher fromSecret(String secret) {
        return new KeyedHasher(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex HMAC of the UTF-8 bytes of {@code value}. */
    public String hash(CharSequence value) {
        byte[] mac = new byte[HmacSha256.LENGTH];
        macs.get().mac(value.toString().getBytes(StandardCharsets.UTF_8), mac);
        byte[] hex = new byte[2 * HmacSha256.LENGTH];
        for (int i = 0; i < mac.length; i++) {
            hex[2 * i] = HEX_DIGITS[mac[i] >> 4 & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[mac[i] & 0xf];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }
}
