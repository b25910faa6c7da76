package io.agentdlp.launcher.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.tuning.backtest.ReplayEvent;

/**
 * Replays a replay set into a topic: file order, keyed like the sensors key events
 * ({@code <device>:<session>}, so a session stays on one partition). The record timestamp is the
 * time of the import, as for any late delivery: the topology reads event time from the event, and
 * old timestamps would let time-based retention delete the records at once. With a shift, event and
 * ingest times move by the same amount (to replay old traffic into a live topology whose windows and
 * TTLs run on event time). Idempotent producer, acks=all.
 */
public final class EventImport {
    private final Map<String, Object> clientConfig;
    private final Serializer<AgentEgressEvent> values;

    public EventImport(Map<String, Object> clientConfig, Serializer<AgentEgressEvent> values) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.values = values;
    }

    /** Sends every event; returns how many were acknowledged. */
    public long run(List<ReplayEvent> events, String topic, Duration shift, ReplayProgress progress) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long sent = 0;
        try (KafkaProducer<String, AgentEgressEvent> producer = new KafkaProducer<>(p, new StringSerializer(), values)) {
            for (ReplayEvent re : events) {
                AgentEgressEvent e = shift.isZero() ? re.event() : shifted(re.event(), shift);
                producer.send(new ProducerRecord<>(topic, KafkaEventPublisher.key(e), e), (m, ex) -> {
                            if (ex != null) {
                                failure.compareAndSet(null, ex);
                            }
                        });
                sent++;
                progress.update(sent, sent, "to " + topic);
            }
            producer.flush();
        } finally {
            progress.done();
        }
        if (failure.get() != null) {
            throw new KafkaException("import into " + topic + " failed: " + failure.get().getClass().getSimpleName() + ": "
                    + failure.get().getMessage(), failure.get());
        }
        return sent;
    }

    private static AgentEgressEvent shifted(AgentEgressEvent e, Duration shift) {
        Instant t = e.getEventTime().plus(shift);
        return AgentEgressEvent.newBuilder(e).setEventTime(t).setIngestTime(e.getIngestTime().plus(shift)).build();
    }
}
