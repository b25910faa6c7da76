package io.agentdlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.DlpAlert;

/**
 * A stream of leaks for failure tests: {@code sessions} sessions, each sending the same token in
 * {@code rounds} different requests. Every session must end with exactly one alert whose triggering
 * event ids are exactly that session's requests: a lost event shows as a missing id, a reprocessed
 * one as a count above the number of ids. Only secret alerts count (a burst of sessions may also
 * raise a volume alert, which is not what these tests are about).
 */
final class LeakWorkload {
    private final List<String> sessions = new ArrayList<>();
    private final Map<String, List<String>> expectedIds = new HashMap<>();
    private final Instant t0 = Instant.now();

    LeakWorkload(String name, int sessions) {
        for (int i = 0; i < sessions; i++) {
            String s = name + "-" + i + "-" + UUID.randomUUID();
            this.sessions.add(s);
            expectedIds.put(s, new ArrayList<>());
        }
    }

    /** One request per session for round {@code round}. */
    List<AgentEgressEvent> round(int round) {
        List<AgentEgressEvent> events = new ArrayList<>();
        for (String s : sessions) {
            AgentEgressEvent e = ProxyRequests.modelRequest(s, t0.plusSeconds(round),
                    "round " + round + ": please use " + PipelineScenariosIT.GITHUB_TOKEN + " for the release job " + s);
            expectedIds.get(s).add(e.getEventId());
            events.add(e);
        }
        return events;
    }

    private List<DlpAlert> alerts(List<ConsumerRecord<String, DlpAlert>> records) {
        return new AlertView(records.stream().map(ConsumerRecord::value).toList())
                .inSessions(new LinkedHashSet<>(sessions)).stream().filter(a -> a.getDetector().equals("secret")).toList();
    }

    private boolean complete(List<DlpAlert> alerts) {
        long done = alerts.stream().filter(a -> a.getEventIds().size() == expectedIds.get(a.getSessionId()).size()).count();
        return done == sessions.size();
    }

    /** Waits for every session's final alert, then checks nothing was lost or counted twice. */
    void assertEveryLeakAlertedExactlyOnce(TopicLog<String, DlpAlert> log, Duration timeout) {
        List<DlpAlert> alerts = alerts(log.awaitRecords("final alerts of " + sessions.size() + " sessions", timeout,
                rs -> complete(alerts(rs))));
        assertThat(alerts).hasSize(sessions.size());
        for (DlpAlert a : alerts) {
            List<String> expected = expectedIds.get(a.getSessionId());
            assertThat(a.getRuleId()).isEqualTo("github-pat-classic");
            assertThat(a.getEventIds()).as("event ids of %s", a.getSessionId()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(a.getOccurrenceCount()).as("count of %s", a.getSessionId()).isEqualTo(expected.size());
        }
        Set<String> all = AlertView.distinctEventIds(alerts);
        assertThat(AlertView.eventIds(alerts)).hasSameSizeAs(all);
    }
}
