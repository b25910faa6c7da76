package io.agentdlp.topology.alert;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.topology.StoredKeySet;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * Aggregates alert occurrences by alert id into one alert with first/last seen, a count, the first
 * event ids and merged evidence. The first occurrence is emitted at once, and so is a severity
 * raise; further occurrences are emitted at most once per update interval (wall clock): the first
 * after an interval goes out at once, the rest mark the alert dirty and a punctuation flushes dirty
 * alerts. Alerts without occurrences for the retention (stream time) are closed and deleted.
 */
public final class AlertAggregator extends ContextualProcessor<String, DlpAlert, String, DlpAlert> {
    /**
     * Most alert ids tracked to skip the store read of a new alert (about 3 MB per task at the limit);
     * a task holding more alerts reads the store for every occurrence, as without the tracking.
     */
    private static final int TRACKED_IDS = 1 << 17;

    private final String storeName;
    private final long intervalMs;
    private final long retentionMs;
    private final int maxEventIds;
    private final Duration cleanupInterval;
    private final DlpMetrics metrics;
    private final Set<String> dirty = new LinkedHashSet<>();
    private KeyValueStore<String, AlertState> alerts;
    private StoredKeySet stored;

    public AlertAggregator(String storeName, Duration updateInterval, Duration retention, int maxEventIds,
                           Duration cleanupInterval, DlpMetrics metrics) {
        this.storeName = storeName;
        this.intervalMs = updateInterval.toMillis();
        this.retentionMs = retention.toMillis();
        this.maxEventIds = maxEventIds;
        this.cleanupInterval = cleanupInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DlpAlert> context) {
        super.init(context);
        alerts = context.getStateStore(storeName);
        // Built anew on every init: Streams initialises the processor again after restoring the store.
        stored = new StoredKeySet(TRACKED_IDS);
        // Dirty alerts of a previous owner of this task are flushed by the next punctuation.
        try (KeyValueIterator<String, AlertState> it = alerts.all()) {
            while (it.hasNext()) {
                KeyValue<String, AlertState> kv = it.next();
                stored.added(kv.key);
                if (kv.value.dirty()) {
                    dirty.add(kv.key);
                }
            }
        }
        context.schedule(updateTick(), PunctuationType.WALL_CLOCK_TIME, this::flushDirty);
        context.schedule(cleanupInterval, PunctuationType.WALL_CLOCK_TIME, now -> expire());
    }

    private Duration updateTick() {
        return Duration.ofMillis(Math.max(100, intervalMs / 2));
    }

    @Override
    public void process(Record<String, DlpAlert> record) {
        DlpAlert occ = record.value();
        String id = occ.getAlertId();
        long now = context().currentSystemTimeMs();
        AlertState st = stored.certainlyAbsent(id) ? null : alerts.get(id);
        if (st == null) {
            stored.added(id);
            emit(id, occ, now, false, record.timestamp());
            return;
        }
        if (st.alert().getLastSeen().toEpochMilli() + retentionMs < occ.getFirstSeen().toEpochMilli()) {
            emit(id, occ, now, false, record.timestamp());
            return;
        }
        DlpAlert merged = AlertMerge.merge(st.alert(), occ, maxEventIds);
        boolean raised = merged.getSeverity().ordinal() > st.emittedSeverity();
        if (raised || now - st.lastEmitWallMs() >= intervalMs) {
            emit(id, merged, now, true, record.timestamp());
        } else {
            alerts.put(id, new AlertState(merged, st.lastEmitWallMs(), st.emittedSeverity(), true));
            dirty.add(id);
            metrics.repeatSuppressed(merged.getDetector(), merged.getRuleId());
        }
    }

    private void emit(String id, DlpAlert a, long now, boolean update, long timestamp) {
        alerts.put(id, new AlertState(a, now, a.getSeverity().ordinal(), false));
        dirty.remove(id);
        context().forward(new Record<>(id, a, timestamp));
        metrics.alertEmitted(a.getDetector(), a.getRuleId(), a.getSeverity().name(), update);
    }

    private void flushDirty(long now) {
        var it = dirty.iterator();
        while (it.hasNext()) {
            String id = it.next();
            AlertState st = alerts.get(id);
            if (st == null || !st.dirty()) {
                it.remove();
                continue;
            }
            if (now - st.lastEmitWallMs() >= intervalMs) {
                it.remove();
                alerts.put(id, new AlertState(st.alert(), now, st.alert().getSeverity().ordinal(), false));
                context().forward(new Record<>(id, st.alert(), st.alert().getLastSeen().toEpochMilli()));
                metrics.alertEmitted(st.alert().getDetector(), st.alert().getRuleId(), st.alert().getSeverity().name(), true);
            }
        }
    }

    private void expire() {
        long streamTime = context().currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        long horizon = streamTime - retentionMs;
        try (KeyValueIterator<String, AlertState> it = alerts.all()) {
            while (it.hasNext()) {
                KeyValue<String, AlertState> kv = it.next();
                if (kv.value.alert().getLastSeen().toEpochMilli() < horizon) {
                    if (kv.value.dirty()) {
                        context().forward(new Record<>(kv.key, kv.value.alert(), kv.value.alert().getLastSeen().toEpochMilli()));
                        metrics.alertEmitted(kv.value.alert().getDetector(), kv.value.alert().getRuleId(),
                                kv.value.alert().getSeverity().name(), true);
                    }
                    alerts.delete(kv.key);
                    stored.removed(kv.key);
                    dirty.remove(kv.key);
                }
            }
        }
    }
}
