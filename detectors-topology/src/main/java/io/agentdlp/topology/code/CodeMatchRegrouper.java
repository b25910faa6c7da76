package io.agentdlp.topology.code;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.shell.Endpoint;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.agentdlp.topology.policy.DestinationPolicyDetector;
import io.agentdlp.topology.policy.Destinations;

/**
 * Regroups the shards' answers of each probe (partitioned mode): once every shard answered, the
 * matches (each computed by the library over the files of one shard) are merged, best first, and
 * turned into own-code occurrences; a destination the policy does not allow raises them and adds a
 * policy occurrence. A probe still missing answers after the timeout (a shard long unavailable) is
 * reported with what arrived and counted.
 */
final class CodeMatchRegrouper extends ContextualProcessor<String, ShardAnswer, String, DlpAlert> {
    private final String storeName;
    private final CodeMatchAlerts alerts;
    private final int shards;
    private final int maxResults;
    private final long timeoutMs;
    private final Duration cleanup;
    private final DlpMetrics metrics;
    private KeyValueStore<String, PendingProbe> pending;

    CodeMatchRegrouper(String storeName, CodeMatchAlerts alerts, int shards, int maxResults, Duration timeout,
                       Duration cleanup, DlpMetrics metrics) {
        this.storeName = storeName;
        this.alerts = alerts;
        this.shards = shards;
        this.maxResults = maxResults;
        this.timeoutMs = timeout.toMillis();
        this.cleanup = cleanup;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DlpAlert> context) {
        super.init(context);
        pending = context.getStateStore(storeName);
        context.schedule(cleanup, PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<String, ShardAnswer> record) {
        ShardAnswer a = record.value();
        String id = a.probe().probeId();
        PendingProbe p = pending.get(id);
        if (p == null) {
            p = new PendingProbe(a.probe(), 0L, List.of(), context().currentSystemTimeMs());
        }
        p = p.with(a);
        if (p.complete(shards)) {
            pending.delete(id);
            emit(p, record.timestamp());
        } else {
            pending.put(id, p);
        }
    }

    private void emit(PendingProbe p, long timestamp) {
        List<CodeMatch> merged = merge(p.matches());
        if (merged.isEmpty()) {
            return;
        }
        CodeProbe probe = p.probe();
        List<DlpAlert> out = new ArrayList<>(alerts.alerts(probe.context(), probe.kind(), probe.field(), merged));
        if (Long.bitCount(p.answered()) < shards) {
            out.forEach(x -> x.getAttributes().put("shards_answered", Long.bitCount(p.answered()) + "/" + shards));
        }
        if (probe.notAllowed() && probe.context().destination() != null) {
            Endpoint to = Destinations.fromAvro(probe.context().destination());
            List<Finding> evidence = DestinationPolicyDetector.raiseContentDetections(out, probe.policy(), to);
            if (!probe.alreadySensitive()) {
                out.add(DestinationPolicyDetector.policyAlert(probe.context(), probe.policy(), to.host(), "own code", true,
                        probe.contentBytes(), null, evidence));
            }
        }
        for (DlpAlert x : out) {
            metrics.ruleHit(x.getDetector(), x.getRuleId());
            context().forward(new Record<>(x.getAlertId(), x, timestamp));
        }
    }

    /** Best match per file, best files first, at most {@code maxResults}. */
    private List<CodeMatch> merge(List<CodeMatch> all) {
        Map<String, CodeMatch> best = new HashMap<>();
        Comparator<CodeMatch> order = Comparator.comparingInt(CodeMatch::matchedFingerprints).reversed()
                .thenComparing(Comparator.comparingDouble(CodeMatch::similarity).reversed())
                .thenComparing(CodeMatch::repo).thenComparing(CodeMatch::sourcePath);
        for (CodeMatch m : all) {
            best.merge(m.repo() + '\0' + m.sourcePath(), m, (x, y) -> order.compare(x, y) <= 0 ? x : y);
        }
        List<CodeMatch> out = new ArrayList<>(best.values());
        out.sort(order);
        return out.size() > maxResults ? out.subList(0, maxResults) : out;
    }

    private void expire(long now) {
        List<KeyValue<String, PendingProbe>> late = new ArrayList<>();
        try (KeyValueIterator<String, PendingProbe> it = pending.all()) {
            while (it.hasNext()) {
                KeyValue<String, PendingProbe> kv = it.next();
                if (now - kv.value.firstSeen() > timeoutMs) {
                    late.add(kv);
                }
            }
        }
        for (KeyValue<String, PendingProbe> kv : late) {
            pending.delete(kv.key);
            metrics.incompleteProbe();
            emit(kv.value, kv.value.probe().context().eventTime());
        }
    }
}
