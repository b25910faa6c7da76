package io.agentdlp.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.topology.EgressInspection;
import io.agentdlp.topology.Events;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@link DuplicateContentFilter}, which skips the store read of keys it knows are not stored, marks and
 * stores exactly what the filter that read the store for every block did ({@link DuplicateContentFilterReference}):
 * random blocks over a few sessions (new, re-sent within and past the TTL, out of order), events without
 * text, expiry by the cleanup, and the processors initialised again on the stores they left.
 */
class DuplicateContentFilterEquivalenceTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final EgressInspection INSPECTION = new EgressInspection(1 << 20);

    @Test
    void marksAndStoresWhatTheFilterReadingEveryKeyDid() {
        for (long seed = 1; seed <= 30; seed++) {
            compare(new Random(20261125L * seed), 3 + (int) (seed % 5) * 10);
        }
    }

    private static void compare(Random rnd, int blocks) {
        Run before = new Run(true);
        Run after = new Run(false);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            texts.add("block " + i + " " + rnd.nextInt(1_000));
        }
        List<String> sessions = List.of("device-1:s1", "device-1:s2", "device-2:s\uD800", "device-2:s\uDC00");
        long time = 1_700_000_000_000L;
        for (int step = 0; step < 1_500; step++) {
            int action = rnd.nextInt(100);
            if (action < 90) {
                time += rnd.nextInt(4_000) - 1_000;
                String key = sessions.get(rnd.nextInt(sessions.size()));
                AgentEgressEvent e = rnd.nextInt(10) == 0
                        ? Events.read(Instant.ofEpochMilli(time), "/tmp/x")
                        : Events.prompt(Instant.ofEpochMilli(time), texts.get(rnd.nextInt(texts.size())));
                assertThat(after.process(key, e)).isEqualTo(before.process(key, e));
            } else if (action < 97) {
                before.cleanup(time);
                after.cleanup(time);
            } else {
                before.reinit();
                after.reinit();
            }
        }
        assertThat(after.stored()).isEqualTo(before.stored()).isNotEmpty();
    }

    /** One filter on its own in-memory store. */
    private static final class Run {
        private final boolean reference;
        private final KeyValueStore<String, Long> store;
        private MockProcessorContext<String, InspectedEvent> context;
        private Processor<String, InspectedEvent, String, InspectedEvent> processor;

        Run(boolean reference) {
            this.reference = reference;
            MockProcessorContext<String, InspectedEvent> first = new MockProcessorContext<>();
            store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("dedup"), Serdes.String(), Serdes.Long())
                    .withLoggingDisabled().withCachingDisabled().build();
            store.init(first.getStateStoreContext(), store);
            start(first);
        }

        private void start(MockProcessorContext<String, InspectedEvent> c) {
            context = c;
            context.addStateStore(store);
            DlpMetrics metrics = new DlpMetrics(new SimpleMeterRegistry());
            processor = reference
                    ? new DuplicateContentFilterReference("dedup", TTL, Duration.ofMinutes(1), metrics)
                    : new DuplicateContentFilter("dedup", TTL, Duration.ofMinutes(1), metrics);
            processor.init(context);
        }

        /** Whether the event came out marked duplicate. */
        boolean process(String key, AgentEgressEvent e) {
            InspectedEvent inspected = INSPECTION.inspect(key, e);
            processor.process(new Record<>(key, inspected, e.getEventTime().toEpochMilli()));
            assertThat(context.forwarded()).hasSize(1);
            context.resetForwards();
            return inspected.duplicate();
        }

        void cleanup(long streamTime) {
            context.setCurrentStreamTimeMs(streamTime);
            context.scheduledPunctuators().get(0).getPunctuator().punctuate(0);
        }

        void reinit() {
            processor.close();
            start(new MockProcessorContext<>());
        }

        List<String> stored() {
            List<String> out = new ArrayList<>();
            try (KeyValueIterator<String, Long> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, Long> kv = it.next();
                    out.add(HexFormat.of().formatHex(kv.key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + " " + kv.value);
                }
            }
            return out;
        }
    }
}
