package io.agentdlp.topology.session;

import java.util.List;

/**
 * Response of {@code GET /v1/sessions/{id}/timeline}: the session's events in arrival order with
 * their alerts.
 *
 * @param sessionKey    {@code <device>:<session>}
 * @param eventsTotal   events the session had
 * @param eventsDropped oldest events no longer kept (the timeline keeps the newest {@code session.timeline.max.events})
 * @param firstSeen     event time of the first event (epoch ms)
 * @param lastSeen      latest event time (epoch ms)
 * @param events        kept events, oldest first
 */
public record SessionTimeline(String sessionKey, long eventsTotal, long eventsDropped, long firstSeen, long lastSeen,
                              List<TimelineEntry> events) {
}
