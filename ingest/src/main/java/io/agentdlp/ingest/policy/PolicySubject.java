package io.agentdlp.ingest.policy;

import java.util.List;

/**
 * Who an install belongs to, as the gateway's token store binds it (never as an agent claims it):
 * the subject every policy decision of that sensor is made for.
 *
 * @param deviceId  device bound to the token, or null
 * @param userId    user bound to the token, or null
 * @param userEmail e-mail bound to the token, or null
 * @param groups    teams / directory groups bound to the token
 */
public record PolicySubject(String deviceId, String userId, String userEmail, List<String> groups) {
    public PolicySubject {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A subject that binds nothing: the sensor's own install identity applies. */
    public static PolicySubject unbound() {
        return new PolicySubject(null, null, null, List.of());
    }
}
