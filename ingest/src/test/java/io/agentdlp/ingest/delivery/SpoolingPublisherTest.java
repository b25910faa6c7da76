package io.agentdlp.ingest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.samples.RecordingGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forwarder against a real HTTP gateway: which failures keep a batch in the spool and which
 * skip it. Short retry delays keep the test fast; the logic does not depend on them.
 */
class SpoolingPublisherTest {
    private static final SpoolingPublisher.Options FAST =
            SpoolingPublisher.Options.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

    @TempDir
    Path dir;

    @Test
    void aRetriableFailureWithoutRetryAfterKeepsTheBatchUntilTheGatewayAccepts() throws Exception {
        try (RecordingGateway gateway = new RecordingGateway()) {
            gateway.failWith(503, null);
            try (SpoolingPublisher p = publisher(gateway)) {
                p.publish(events(0, 20)).get();
                await(() -> gateway.requests() >= 3, "three refused attempts");

                assertThat(gateway.events()).isEmpty();
                assertThat(p.status().connected()).isFalse();
                assertThat(p.status().lastError()).contains("503");
                assertThat(p.status().spool().pendingRecords()).isEqualTo(20);

                gateway.failWith(0, null);
                List<AgentEgressEvent> got = gateway.await(20, Duration.ofSeconds(30));
                await(() -> p.status().spool().pendingRecords() == 0, "spool drained");

                assertThat(ids(got)).isEqualTo(ids(events(0, 20)));
                assertThat(p.status().deliveredEvents()).isEqualTo(20);
                assertThat(p.status().rejectedEvents()).isZero();
                assertThat(p.status().connected()).isTrue();
            }
        }
    }

    @Test
    void aRejectedBatchIsCountedAndSkippedSoLaterEventsStillFlow() throws Exception {
        try (RecordingGateway gateway = new RecordingGateway()) {
            gateway.failWith(400, null);
            try (SpoolingPublisher p = publisher(gateway)) {
                p.publish(events(0, 5)).get();
                await(() -> p.status().rejectedEvents() == 5, "five rejected events");
                await(() -> p.status().spool().pendingRecords() == 0, "the rejected batch committed");
                assertThat(gateway.requests()).isEqualTo(1);

                gateway.failWith(0, null);
                p.publish(events(5, 8)).get();
                List<AgentEgressEvent> got = gateway.await(3, Duration.ofSeconds(30));

                // the gateway records a batch before it answers, so the publisher counts it a moment later
                await(() -> p.status().deliveredEvents() == 3, "three delivered events");

                assertThat(ids(got)).isEqualTo(ids(events(5, 8)));
            }
        }
    }

    @Test
    void retryDelaysMustBePositiveAndOrdered() {
        SpoolingPublisher.Options d = SpoolingPublisher.Options.defaults();
        assertThatThrownBy(() -> d.withBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min=0ms");
        assertThatThrownBy(() -> d.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max=1000ms");
    }

    private SpoolingPublisher publisher(RecordingGateway gateway) throws Exception {
        return new SpoolingPublisher(Spool.open(SpoolConfig.defaults(dir)),
                new GatewayEventPublisher(gateway.url(), "t", null, Duration.ofSeconds(5)), "gateway:test", FAST,
                Clock.systemUTC());
    }

    private static List<AgentEgressEvent> events(int from, int to) {
        List<AgentEgressEvent> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(SpoolingChild.event(i));
        }
        return out;
    }

    private static List<String> ids(List<AgentEgressEvent> events) {
        return events.stream().map(e -> e.getEventId().toString()).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
