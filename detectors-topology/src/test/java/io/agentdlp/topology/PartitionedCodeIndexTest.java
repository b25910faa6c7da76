package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;
import io.agentdlp.topology.code.PartitionedCodeIndex;
import io.agentdlp.topology.config.TopologyConfig;

/**
 * The partitioned code index in a TopologyTestDriver. The driver runs one task per sub-topology and
 * delivers every repartitioned record to it, so only one shard can answer: with one shard the full
 * path (split, shard store, probe, query, regroup) completes; with two, the missing answer exercises
 * the timeout. Several real shards are covered by DlpTopologyIT.
 */
class PartitionedCodeIndexTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final TopologyConfig PARTITIONED = TopologyConfig.defaults().with("code.index.mode", "partitioned")
            .with("code.index.shards", "1").with("dedup.enabled", "false");

    private static List<DlpAlert> detector(TopologyFixture f, String detector) {
        return f.alerts().stream().filter(a -> a.getDetector().equals(detector)).toList();
    }

    private static String prompt(String snippet) {
        return "Why does this not compile?\n```java\n" + snippet + "\n```";
    }

    @Test
    void matchesAreRegroupedFromTheShardsAndTombstonesRemoveTheFile() {
        try (TopologyFixture f = new TopologyFixture(PARTITIONED)) {
            f.codeIndex.pipeInput(CodeSamples.key(), CodeSamples.record(CodeSamples.source(), 1));
            f.send(Events.prompt(T0, prompt(CodeSamples.lines(26, 45))));
            List<DlpAlert> code = detector(f, "code-fingerprint");
            assertThat(code).singleElement().satisfies(a -> {
                assertThat(a.getCodeMatch().getSourcePath()).isEqualTo(CodeSamples.PATH);
                assertThat(a.getSessionId()).isEqualTo(Events.SESSION);
                assertThat(a.getAttributes()).doesNotContainKey("shards_answered");
            });
            assertThat(f.driver.getAllStateStores()).containsKeys(PartitionedCodeIndex.SHARD_STORE,
                    PartitionedCodeIndex.PENDING_STORE);
            assertThat(f.driver.getKeyValueStore(PartitionedCodeIndex.PENDING_STORE).approximateNumEntries()).isZero();

            f.codeIndex.pipeInput(CodeSamples.key(), null);
            f.send(Events.prompt(T0.plusSeconds(1), prompt(CodeSamples.lines(26, 45))));
            assertThat(detector(f, "code-fingerprint")).isEmpty();
        }
    }

    @Test
    void ownCodeToANonAllowedDestinationRaisesSeverityAndAddsAPolicyAlert() {
        try (TopologyFixture f = new TopologyFixture(PARTITIONED)) {
            f.policies.pipeInput("default", Policies.allowOnly(1, "api.anthropic.com"));
            f.codeIndex.pipeInput(CodeSamples.key(), CodeSamples.record(CodeSamples.source(), 1));
            f.send(Events.modelRequest(T0, prompt(CodeSamples.lines(26, 50)), "llm.example.net"));
            List<DlpAlert> all = f.alerts();
            DlpAlert code = all.stream().filter(a -> a.getDetector().equals("code-fingerprint")).findFirst().orElseThrow();
            assertThat(code.getSeverity()).isIn(Severity.HIGH, Severity.CRITICAL);
            assertThat(code.getAttributes()).containsEntry("destination_allowed", "false");
            assertThat(all).filteredOn(a -> a.getDetector().equals("policy")).singleElement()
                    .satisfies(a -> assertThat(a.getTitle()).startsWith("Own code sent to llm.example.net"));
        }
    }

    @Test
    void aProbeMissingShardAnswersIsReportedAfterTheTimeout() {
        TopologyConfig twoShards = PARTITIONED.with("code.index.shards", "2").with("code.probe.timeout", "1m")
                .with("cleanup.interval", "30s");
        try (TopologyFixture f = new TopologyFixture(twoShards)) {
            f.codeIndex.pipeInput(CodeSamples.key(), CodeSamples.record(CodeSamples.source(), 1));
            f.send(Events.prompt(T0, prompt(CodeSamples.lines(26, 45))));
            assertThat(detector(f, "code-fingerprint")).isEmpty();
            f.driver.advanceWallClockTime(java.time.Duration.ofMinutes(2));
            assertThat(detector(f, "code-fingerprint")).singleElement()
                    .satisfies(a -> assertThat(a.getAttributes()).containsEntry("shards_answered", "1/2"));
            assertThat(f.metrics.registry().get("dlp.code.probes.incomplete").counter().count()).isEqualTo(1.0);
        }
    }
}
