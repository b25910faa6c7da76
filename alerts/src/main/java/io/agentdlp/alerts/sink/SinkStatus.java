package io.agentdlp.alerts.sink;

import java.time.Instant;

/**
 * Snapshot of a sink's health for the admin view.
 *
 * @param name            sink name
 * @param type            sink type
 * @param pending         alerts read but not yet delivered
 * @param delivered       alerts delivered since start
 * @param deadLettered    alerts dead-lettered since start
 * @param lastError       reason of the latest failure (no payload content), or null
 * @param lastErrorAt     time of the latest failure, or null
 * @param lastDeliveredAt time of the latest successful delivery, or null
 */
public record SinkStatus(String name, String type, int pending, long delivered, long deadLettered,
                         String lastError, Instant lastErrorAt, Instant lastDeliveredAt) {

    static SinkStatus initial(String name, String type) {
        return new SinkStatus(name, type, 0, 0, 0, null, null, null);
    }

    SinkStatus withPending(int n) {
        return new SinkStatus(name, type, n, delivered, deadLettered, lastError, lastErrorAt, lastDeliveredAt);
    }

    SinkStatus delivered(int n, Instant at) {
        return new SinkStatus(name, type, pending, delivered + n, deadLettered, lastError, lastErrorAt, at);
    }

    SinkStatus deadLettered(Instant at) {
        return new SinkStatus(name, type, pending, delivered, deadLettered + 1, lastError, lastErrorAt, lastDeliveredAt);
    }

    SinkStatus failed(String reason, Instant at) {
        return new SinkStatus(name, type, pending, delivered, deadLettered, reason, at, lastDeliveredAt);
    }
}
