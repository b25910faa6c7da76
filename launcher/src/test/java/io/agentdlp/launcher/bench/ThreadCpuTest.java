package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    @Test
    void threadsAreAttributedToTheComponentThatNamesThem() {
        assertThat(ThreadCpu.component("agentdlp-topology-3f1c-StreamThread-1")).isEqualTo(ComponentCpu.TOPOLOGY);
        assertThat(ThreadCpu.component("kafka-producer-network-thread | agentdlp-topology-3f1c-StreamThread-1-producer"))
                .isEqualTo(ComponentCpu.TOPOLOGY);
        assertThat(ThreadCpu.component("agentdlp-audit-trail-StreamThread-1")).isEqualTo(ComponentCpu.TRAIL);
        assertThat(ThreadCpu.component("agentdlp-gateway-http-3")).isEqualTo(ComponentCpu.GATEWAY);
        assertThat(ThreadCpu.component("kafka-producer-network-thread | producer-2")).isEqualTo(ComponentCpu.GATEWAY);
        assertThat(ThreadCpu.component("data-plane-kafka-request-handler-0")).isEqualTo(ComponentCpu.BROKER);
        assertThat(ThreadCpu.component("kafka-1-raft-io-thread")).isEqualTo(ComponentCpu.BROKER);
        assertThat(ThreadCpu.component("TxnMarkerSenderThread-1")).isEqualTo(ComponentCpu.BROKER);
        assertThat(ThreadCpu.component("AddPartitionsToTxnSenderThread-1")).isEqualTo(ComponentCpu.BROKER);
        assertThat(ThreadCpu.component("main")).isEqualTo(ComponentCpu.BENCH);
        assertThat(ThreadCpu.component("agentdlp-alerts-feed")).isEqualTo(ComponentCpu.CONSOLE);
        assertThat(ThreadCpu.component("agentdlp-registry-http-1")).isEqualTo(ComponentCpu.REGISTRY);
        assertThat(ThreadCpu.component("kafka-admin-client-thread | agentdlp-bench-lag")).isEqualTo(ComponentCpu.BENCH);
        assertThat(ThreadCpu.component("agentdlp-bench-alerts")).isEqualTo(ComponentCpu.BENCH);
        assertThat(ThreadCpu.component("micrometer-kafka-metrics")).isEqualTo(ComponentCpu.OTHER);
    }

    @Test
    void theProcessCpuNotSeenOnALiveThreadIsTheJvmsShare() {
        ThreadCpu.Snapshot before = new ThreadCpu.Snapshot(10_000_000_000L,
                Map.of(1L, "agentdlp-topology-x-StreamThread-1", 2L, "agentdlp-bench-http"),
                Map.of(1L, 4_000_000_000L, 2L, 1_000_000_000L), JvmThreadCpu.Sample.NONE);
        // thread 1 used 2 s, thread 2 0.5 s, thread 3 started and used 1 s; the process used 4 s in all
        ThreadCpu.Snapshot after = new ThreadCpu.Snapshot(14_000_000_000L,
                Map.of(1L, "agentdlp-topology-x-StreamThread-1", 2L, "agentdlp-bench-http", 3L, "data-plane-kafka-request-handler-1"),
                Map.of(1L, 6_000_000_000L, 2L, 1_500_000_000L, 3L, 1_000_000_000L), JvmThreadCpu.Sample.NONE);

        ComponentCpu cpu = ThreadCpu.between(before, after);

        assertThat(cpu.seconds(ComponentCpu.TOPOLOGY)).isCloseTo(2.0, within(1e-9));
        assertThat(cpu.seconds(ComponentCpu.BENCH)).isCloseTo(0.5, within(1e-9));
        assertThat(cpu.seconds(ComponentCpu.BROKER)).isCloseTo(1.0, within(1e-9));
        assertThat(cpu.seconds(ComponentCpu.JVM)).isCloseTo(0.5, within(1e-9));
        assertThat(cpu.total()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void aLiveSnapshotOfThisJvmSeesItsOwnWork() {
        ThreadCpu cpu = new ThreadCpu();
        ThreadCpu.Snapshot before = cpu.snapshot();
        long x = 0;
        for (int i = 0; i < 20_000_000; i++) {
            x += Long.numberOfTrailingZeros(i ^ x);
        }
        ComponentCpu used = cpu.since(before);

        assertThat(x).isPositive();
        assertThat(used.total()).isPositive();
        assertThat(used.total()).isGreaterThanOrEqualTo(used.seconds(ComponentCpu.OTHER));
    }
}
