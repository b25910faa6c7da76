package io.agentdlp.ingest.delivery;

import java.time.Instant;

/**
 * What a {@link SpoolingPublisher} knows about its upstream right now.
 *
 * @param upstream         description of the upstream (no credentials)
 * @param connected        true when the last delivery attempt succeeded
 * @param lastSuccess      time of the last successful delivery, or null
 * @param lastFailure      time of the last failed attempt, or null
 * @param lastError        why it failed (no payload content), or null
 * @param deliveredEvents  events delivered since start
 * @param rejectedEvents   events the upstream refused for good (skipped)
 * @param undecodable      spooled records that could not be decoded (skipped)
 * @param spool            the spool's counters
 */
public record DeliveryStatus(String upstream, boolean connected, Instant lastSuccess, Instant lastFailure,
                             String lastError, long deliveredEvents, long rejectedEvents, long undecodable,
                             SpoolStats spool) {
}
