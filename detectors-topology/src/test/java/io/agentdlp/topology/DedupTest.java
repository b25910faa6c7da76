package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.topology.config.TopologyConfig;

class DedupTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static double skipped(TopologyFixture f) {
        return f.metrics.registry().get("dlp.duplicate.blocks.skipped").counter().count();
    }

    @Test
    void contentReSentInTheSameSessionIsScannedOnceAndCounted() {
        try (TopologyFixture f = TopologyFixture.defaults()) {
            String block = "history block with " + Events.GITHUB_TOKEN;
            f.send(Events.modelRequest(T0, block, "api.anthropic.com"));
            f.send(Events.modelRequest(T0.plusSeconds(5), block, "api.anthropic.com"));
            f.send(Events.modelRequest(T0.plusSeconds(9), block, "api.anthropic.com"));
            assertThat(f.alerts()).hasSize(1);
            assertThat(skipped(f)).isEqualTo(2.0);
            assertThat(f.metrics.registry().get("dlp.rule.hits").tag("rule", "github-pat-classic").counter().count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void otherSessionsAndExpiredEntriesAreScannedAgain() {
        try (TopologyFixture f = new TopologyFixture(TopologyConfig.defaults().with("dedup.ttl", "1h"))) {
            String block = "same text " + Events.AWS_KEY_ID;
            f.send(Events.prompt(T0, block));
            AgentEgressEvent other = Events.base(T0.plusSeconds(1), io.agentdlp.avro.EventKind.prompt).setSessionId("sess-2")
                    .setContent(Events.content(block, "prompt")).build();
            f.send(other);
            assertThat(skipped(f)).isZero();
            // Past the TTL (event time) the block counts as new content.
            f.send(Events.prompt(T0.plus(Duration.ofMinutes(61)), block));
            assertThat(skipped(f)).isZero();
            f.send(Events.prompt(T0.plus(Duration.ofMinutes(62)), block));
            assertThat(skipped(f)).isEqualTo(1.0);
        }
    }

    @Test
    void cleanupPunctuationDropsExpiredHashes() {
        try (TopologyFixture f = new TopologyFixture(TopologyConfig.defaults().with("dedup.ttl", "10m").with("cleanup.interval", "1m"))) {
            f.send(Events.prompt(T0, "first block"));
            f.send(Events.prompt(T0.plusSeconds(10), "second block"));
            var store = f.driver.<String, Long>getKeyValueStore(DlpTopology.DEDUP_STORE);
            assertThat(store.approximateNumEntries()).isEqualTo(2);
            // Stream time moves past both entries' TTL; the wall-clock punctuation deletes them.
            f.send(Events.prompt(T0.plus(Duration.ofMinutes(30)), "third block"));
            f.driver.advanceWallClockTime(Duration.ofMinutes(2));
            long left = 0;
            try (var it = store.all()) {
                while (it.hasNext()) {
                    it.next();
                    left++;
                }
            }
            assertThat(left).isEqualTo(1);
        }
    }
}
