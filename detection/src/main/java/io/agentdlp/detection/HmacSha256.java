package io.agentdlp.detection;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) under one key, for one thread. The key's two padded blocks are compressed once, here:
 * each MAC continues from copies of the two digests that absorbed them, where {@link javax.crypto.Mac} compresses
 * both again for every value, half the blocks of a short value's MAC.
 */
final class HmacSha256 {
    /** The MAC's length in bytes. */
    static final int LENGTH = 32;
    private static final int BLOCK = 64;

    private final MessageDigest innerStart;
    private final MessageDigest outerStart;

    /** @param key the MAC key, any length (a key longer than a block is hashed first, as RFC 2104 says) */
    HmacSha256(byte[] key) {
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        byte[] innerPad = new byte[BLOCK];
        byte[] outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        innerStart = sha256();
        innerStart.update(innerPad);
        outerStart = sha256();
        outerStart.update(outerPad);
        Arrays.fill(innerPad, (byte) 0);
        Arrays.fill(outerPad, (byte) 0);
        // fail here, not at the first value, when the provider's digest cannot be copied
        copy(innerStart);
    }

    /** Writes the MAC of {@code message} into {@code out[0, LENGTH)}. */
    void mac(byte[] message, byte[] out) {
        try {
            MessageDigest inner = copy(innerStart);
            inner.update(message);
            inner.digest(out, 0, LENGTH);
            MessageDigest outer = copy(outerStart);
            outer.update(out, 0, LENGTH);
            outer.digest(out, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest refused a " + LENGTH + "-byte output buffer", e);
        }
    }

    private static MessageDigest copy(MessageDigest started) {
        try {
            return (MessageDigest) started.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest of provider " + started.getProvider().getName()
                    + " cannot be copied", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
