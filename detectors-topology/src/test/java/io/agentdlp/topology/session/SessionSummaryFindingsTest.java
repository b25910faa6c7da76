package io.agentdlp.topology.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SessionSummaryFindingsTest {
    private static final List<String> SEVERITIES = List.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    private static final List<String> DETECTORS = List.of("secret", "pii", "policy", "sequence");

    @Test
    void addingAnEventsFindingsAtOnceEqualsAddingThemOneByOne() {
        Random r = new Random(3);
        for (int round = 0; round < 300; round++) {
            int maxRecent = 1 + r.nextInt(6);
            SessionSummary one = SessionSummary.start("d:s", "s", "d", "u", "agent");
            SessionSummary all = one;
            for (int event = 0; event < 8; event++) {
                List<SessionSummary.RecentFinding> found = new ArrayList<>();
                // Few distinct times, so ties (same event time, older events re-sent) are common.
                long time = 1_000L * r.nextInt(4);
                for (int i = r.nextInt(5); i >= 0; i--) {
                    found.add(new SessionSummary.RecentFinding(r.nextBoolean() ? time : time + 1_000L * r.nextInt(3),
                            "a" + round + "-" + event + "-" + i, DETECTORS.get(r.nextInt(DETECTORS.size())), "rule",
                            SEVERITIES.get(r.nextInt(SEVERITIES.size())), "title", List.of()));
                }
                for (SessionSummary.RecentFinding f : found) {
                    one = one.with(f, maxRecent);
                }
                all = all.withAll(found, maxRecent);
                assertThat(all).as("round %d event %d", round, event).isEqualTo(one);
            }
        }
    }
}
