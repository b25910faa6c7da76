package io.agentdlp.ingest.gateway;

/**
 * An authenticated sender: a sensor token or a client certificate.
 *
 * @param name        token name or certificate subject CN (metrics tag, logs)
 * @param deviceId    device bound to the credential, or null; OTLP records get it as their device
 * @param ratePerSec  events per second allowed
 * @param burst       events allowed in a burst
 */
public record SensorPrincipal(String name, String deviceId, double ratePerSec, long burst) {
}
