package io.agentdlp.ingest.gateway;

import java.util.List;

import io.agentdlp.ingest.policy.PolicySubject;

/**
 * An authenticated sender: a sensor token or a client certificate, with the identity the install
 * is bound to. Events a sensor sends must carry this identity; policies are decided for it.
 *
 * @param name        token name or certificate subject CN (metrics tag, logs)
 * @param deviceId    device bound to the credential, or null; OTLP records get it as their device
 * @param ratePerSec  events per second allowed
 * @param burst       events allowed in a burst
 * @param userId      user bound to the credential, or null
 * @param userEmail   e-mail bound to the credential, or null
 * @param groups      teams / directory groups of that user (policy subjects)
 */
public record SensorPrincipal(String name, String deviceId, double ratePerSec, long burst, String userId, String userEmail,
                              List<String> groups) {
    public SensorPrincipal {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A credential bound to a device only. */
    public SensorPrincipal(String name, String deviceId, double ratePerSec, long burst) {
        this(name, deviceId, ratePerSec, burst, null, null, List.of());
    }

    /** The policy subject of this credential. */
    public PolicySubject subject() {
        return new PolicySubject(deviceId, userId, userEmail, groups);
    }
}
