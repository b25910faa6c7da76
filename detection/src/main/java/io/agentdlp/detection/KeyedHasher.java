package io.agentdlp.detection;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of detected values under a per-deployment key: the same value always gives the same
 * hash inside one deployment (so alerts correlate), while the value cannot be recovered or
 * confirmed by guessing without the key. Thread-safe (one Mac per thread).
 */
public final class KeyedHasher {
    private static final HexFormat HEX = HexFormat.of();
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    /** @param key deployment key, at least 16 bytes */
    public KeyedHasher(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("keyed-hash key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Key from configuration text (e.g. env {@code AGENTDLP_HASH_KEY}); UTF-8 bytes. */
    public static KeyedHasher fromSecret(String secret) {
        return new KeyedHasher(secret.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Hex HMAC of the UTF-8 bytes of {@code value}. */
    public String hash(CharSequence value) {
        Mac m = macs.get();
        byte[] out = m.doFinal(value.toString().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(out);
    }
}
