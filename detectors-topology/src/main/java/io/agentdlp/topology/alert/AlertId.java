package io.agentdlp.topology.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable alert ids: the first 128 bits of SHA-256 over detector, rule, scope (session key or
 * volume entity) and evidence key (a keyed hash or another redacted discriminator), so repeats of
 * the same detection aggregate into one alert on every instance and after restarts.
 */
public final class AlertId {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });

    private AlertId() {
    }

    public static String of(String detector, String ruleId, String scope, String evidenceKey) {
        MessageDigest md = SHA256.get();
        md.reset();
        for (String part : new String[] {detector, ruleId, scope, evidenceKey}) {
            md.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        byte[] d = md.digest();
        return HexFormat.of().formatHex(d, 0, 16);
    }
}
