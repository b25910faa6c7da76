package io.agentdlp.topology.alert;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Destination;

/**
 * Who and where of a detection, copied onto its alert.
 *
 * @param scope            aggregation scope: the session key {@code <device>:<session>} or a volume entity
 * @param eventId          triggering event id
 * @param eventTime        event time (epoch ms)
 * @param sessionId        agent session (may be null)
 * @param deviceId         device (may be null)
 * @param userId           user id (may be null)
 * @param userEmail        user e-mail (may be null)
 * @param agentName        agent name (may be null)
 * @param agentVersion     agent version (may be null)
 * @param repoRemote       repository remote (may be null)
 * @param destination      where content went (may be null)
 * @param contentTruncated true when the triggering content was scanned only up to the size limit
 */
public record AlertContext(String scope, String eventId, long eventTime, String sessionId, String deviceId,
                           String userId, String userEmail, String agentName, String agentVersion, String repoRemote,
                           Destination destination, boolean contentTruncated) {

    /** Context of an egress event. */
    public static AlertContext of(String scope, AgentEgressEvent e, Destination destination, boolean truncated) {
        return new AlertContext(scope, e.getEventId(), e.getEventTime().toEpochMilli(), e.getSessionId(),
                e.getDevice().getId(), e.getUser().getId(), e.getUser().getEmail(), e.getAgent().getName(),
                e.getAgent().getVersion(), e.getRepo() == null ? null : e.getRepo().getRemote(), destination, truncated);
    }
}
