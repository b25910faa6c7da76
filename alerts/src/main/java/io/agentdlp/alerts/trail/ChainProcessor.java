package io.agentdlp.alerts.trail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.audit.AuditChain;
import io.agentdlp.events.EventMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each recorded agent event into its OCSF activity and links it into its session's hash chain.
 * Events of one session share a Kafka key and so a partition: they arrive in order, on one task. The
 * chain tip lives in a changelogged store written in the same exactly-once transaction as the output,
 * so a crash never forks or repeats a chain.
 */
final class ChainProcessor implements Processor<String, EventMetadata, String, byte[]> {
    private static final Logger log = LoggerFactory.getLogger(ChainProcessor.class);
    private static final Duration EXPIRY_SCAN = Duration.ofHours(1);
    private final OcsfActivityMapper mapper;
    private final TrailPolicy policy;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, String> tips;

    ChainProcessor(OcsfActivityMapper mapper, TrailPolicy policy) {
        this.mapper = mapper;
        this.policy = policy;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.tips = context.getStateStore(TrailChainer.TIPS_STORE);
        context.schedule(EXPIRY_SCAN, PunctuationType.WALL_CLOCK_TIME, this::forgetIdleSessions);
    }

    @Override
    public void process(Record<String, EventMetadata> r) {
        EventMetadata e = r.value();
        if (e == null || !policy.records(e.kind())) {
            return;
        }
        String session = sessionKey(r.key(), e);
        ChainTip tip = ChainTip.decode(tips.get(session));
        ObjectNode record = mapper.map(e, session);
        long seq = tip.seq() + 1;
        String hash = AuditChain.link(record, session, seq, tip.hash());
        tips.put(session, new ChainTip(seq, hash, context.currentSystemTimeMs()).encode());
        try {
            context.forward(new Record<>(session, AlertJson.MAPPER.writeValueAsBytes(record), r.timestamp()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialize an OCSF record of event " + e.eventId(), ex);
        }
    }

    /** The Kafka key ({@code <device.id>:<session_id>}), rebuilt from the event when a producer sent none. */
    static String sessionKey(String key, EventMetadata e) {
        if (key != null && !key.isEmpty()) {
            return key;
        }
        return e.device().getId() + ":" + (e.sessionId() == null ? "" : e.sessionId());
    }

    private void forgetIdleSessions(long nowMs) {
        long cutoff = nowMs - policy.retention().toMillis();
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, String> it = tips.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                if (ChainTip.decode(kv.value).writtenAtMs() < cutoff) {
                    idle.add(kv.key);
                }
            }
        }
        idle.forEach(tips::delete);
        if (!idle.isEmpty()) {
            log.info("event=trail_chain_tips_expired count={} idle_longer_than={}", idle.size(), policy.retention());
        }
    }
}
