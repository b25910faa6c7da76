package io.agentdlp.detection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The keyed hash as it was computed before {@link HmacSha256}: the JDK's {@link Mac}, hex by {@link HexFormat}. */
final class KeyedHasherReference {
    private final Mac mac;

    KeyedHasherReference(byte[] key) throws GeneralSecurityException {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
    }

    String hash(CharSequence value) {
        return HexFormat.of().formatHex(mac.doFinal(value.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
