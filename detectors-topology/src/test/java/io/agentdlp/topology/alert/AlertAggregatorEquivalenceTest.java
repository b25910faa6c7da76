package io.agentdlp.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@link AlertAggregator}, which skips the store read of ids it knows are not stored, forwards and stores
 * exactly what the aggregator that read the store for every occurrence did ({@link AlertAggregatorReference}):
 * random occurrences over a small pool of ids (new alerts, repeats, severity raises, suppressed repeats),
 * wall-clock flushes, expiry by retention, and the processors initialised again on the stores they left.
 */
class AlertAggregatorEquivalenceTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration RETENTION = Duration.ofSeconds(20);
    private static final Serializer<AlertState> STATE = AlertState.serde().serializer();

    @Test
    void forwardsAndStoresWhatTheAggregatorReadingEveryIdDid() {
        for (long seed = 1; seed <= 40; seed++) {
            compare(new Random(20261125L * seed), 5 + (int) (seed % 4) * 20);
        }
    }

    private static void compare(Random rnd, int ids) {
        Run before = new Run(true);
        Run after = new Run(false);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            pool.add("alert-" + i + "-" + RandomAlerts.text(rnd, 8));
        }
        // Ids the store's string serde writes as one key.
        pool.addAll(List.of("same-key-\uD800", "same-key-\uDC00", "same-key-?"));
        long eventTime = 1_700_000_000_000L;
        long wall = 1_800_000_000_000L;
        for (int step = 0; step < 1_500; step++) {
            int action = rnd.nextInt(100);
            if (action < 80) {
                eventTime += rnd.nextInt(3_000) - 500;
                DlpAlert occ = occurrence(rnd, pool.get(rnd.nextInt(pool.size())), eventTime);
                long timestamp = eventTime;
                before.process(occ, timestamp);
                after.process(occ, timestamp);
            } else if (action < 90) {
                wall += rnd.nextInt(2_500);
                before.flush(wall);
                after.flush(wall);
            } else if (action < 97) {
                before.expire(eventTime);
                after.expire(eventTime);
            } else {
                before.reinit();
                after.reinit();
            }
            before.wall(wall);
            after.wall(wall);
            assertThat(after.forwarded).isEqualTo(before.forwarded);
        }
        assertThat(after.stored()).isEqualTo(before.stored());
        assertThat(after.forwarded).isNotEmpty();
    }

    private static DlpAlert occurrence(Random rnd, String id, long eventTime) {
        DlpAlert a = RandomAlerts.alert(rnd);
        a.setAlertId(id);
        a.setDetector("secret");
        a.setRuleId("rule-" + id.hashCode() % 3);
        a.setSeverity(Severity.values()[rnd.nextInt(Severity.values().length)]);
        a.setFirstSeen(Instant.ofEpochMilli(eventTime));
        a.setLastSeen(Instant.ofEpochMilli(eventTime));
        a.setOccurrenceCount(1L);
        return a;
    }

    /** One aggregator on its own in-memory store, recording what it forwards as text. */
    private static final class Run {
        private final boolean reference;
        private final KeyValueStore<String, AlertState> store;
        private final List<String> forwarded = new ArrayList<>();
        private MockProcessorContext<String, DlpAlert> context;
        private Processor<String, DlpAlert, String, DlpAlert> processor;
        private long wall;

        Run(boolean reference) {
            this.reference = reference;
            MockProcessorContext<String, DlpAlert> first = new MockProcessorContext<>();
            store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("alerts"), Serdes.String(), AlertState.serde())
                    .withLoggingDisabled().withCachingDisabled().build();
            store.init(first.getStateStoreContext(), store);
            start(first);
        }

        private void start(MockProcessorContext<String, DlpAlert> c) {
            context = c;
            context.addStateStore(store);
            context.setCurrentSystemTimeMs(wall);
            DlpMetrics metrics = new DlpMetrics(new SimpleMeterRegistry());
            processor = reference
                    ? new AlertAggregatorReference("alerts", INTERVAL, RETENTION, 3, Duration.ofMinutes(1), metrics)
                    : new AlertAggregator("alerts", INTERVAL, RETENTION, 3, Duration.ofMinutes(1), metrics);
            processor.init(context);
        }

        void process(DlpAlert occ, long timestamp) {
            processor.process(new Record<>(occ.getAlertId(), DlpAlert.newBuilder(occ).build(), timestamp));
            drain();
        }

        void wall(long now) {
            wall = now;
            context.setCurrentSystemTimeMs(now);
        }

        void flush(long now) {
            wall(now);
            context.scheduledPunctuators().get(0).getPunctuator().punctuate(now);
            drain();
        }

        void expire(long streamTime) {
            context.setCurrentStreamTimeMs(streamTime);
            context.scheduledPunctuators().get(1).getPunctuator().punctuate(wall);
            drain();
        }

        void reinit() {
            processor.close();
            start(new MockProcessorContext<>());
        }

        private void drain() {
            for (var f : context.forwarded()) {
                var r = f.record();
                forwarded.add(r.key() + " " + r.timestamp() + " " + r.value());
            }
            context.resetForwards();
        }

        List<String> stored() {
            List<String> out = new ArrayList<>();
            try (KeyValueIterator<String, AlertState> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, AlertState> kv = it.next();
                    out.add(kv.key + " " + java.util.HexFormat.of().formatHex(STATE.serialize("t", kv.value)));
                }
            }
            return out;
        }
    }
}
