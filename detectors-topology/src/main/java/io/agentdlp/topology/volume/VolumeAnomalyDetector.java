package io.agentdlp.topology.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Policy;
import io.agentdlp.detection.Severity;
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.alert.AlertDraft;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.agentdlp.topology.policy.PolicyView;

/**
 * Volume anomalies per entity (user, else device, and destination): bytes and events are summed
 * in tumbling event-time windows; a window is folded into the entity's EWMA baselines once stream
 * time passes its end plus the grace period, and events later than that are dropped and counted.
 * While a window is open, each event checks it: with enough history, a window above both the
 * absolute floor and {@code mean + z * stddev} raises one alert per measure and window.
 * Baselines learn from active windows only (windows without events are not folded in).
 */
public final class VolumeAnomalyDetector extends ContextualProcessor<String, VolumeSample, String, DlpAlert> {
    public static final String DETECTOR = "volume";
    public static final String RULE_BYTES = "bytes-above-baseline";
    public static final String RULE_EVENTS = "events-above-baseline";

    private final String storeName;
    private final PolicyView policies;
    private final VolumeSettings s;
    private final long windowMs;
    private final long graceMs;
    private final DlpMetrics metrics;
    private KeyValueStore<String, VolumeState> states;
    private PolicyView.Reader policyReader;

    public VolumeAnomalyDetector(String storeName, PolicyView policies, VolumeSettings settings, DlpMetrics metrics) {
        this.storeName = storeName;
        this.policies = policies;
        this.s = settings;
        this.windowMs = settings.window().toMillis();
        this.graceMs = settings.grace().toMillis();
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DlpAlert> context) {
        super.init(context);
        states = context.getStateStore(storeName);
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>> p = context.getStateStore(policies.storeName());
        policyReader = policies.reader(p);
        context.schedule(s.cleanup(), PunctuationType.WALL_CLOCK_TIME, now -> cleanup());
    }

    @Override
    public void process(Record<String, VolumeSample> record) {
        long start = metrics.detectorClock();
        VolumeSample v = record.value();
        long streamTime = Math.max(context().currentStreamTimeMs(), v.eventTime());
        long ws = Math.floorDiv(v.eventTime(), windowMs) * windowMs;
        if (ws + windowMs + graceMs <= streamTime) {
            metrics.lateRecordDropped(DETECTOR);
            return;
        }
        VolumeState st = states.get(record.key());
        if (st == null) {
            st = VolumeState.empty();
        }
        Baseline bytes = st.bytes();
        Baseline events = st.events();
        List<VolumeState.WindowCount> open = new ArrayList<>(st.open().size() + 1);
        for (VolumeState.WindowCount c : st.open()) {
            if (c.start() + windowMs + graceMs <= streamTime) {
                bytes = bytes.fold(c.bytes(), s.alpha());
                events = events.fold(c.events(), s.alpha());
            } else {
                open.add(c);
            }
        }
        int idx = -1;
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).start() == ws) {
                idx = i;
            }
        }
        VolumeState.WindowCount w;
        if (idx < 0) {
            w = new VolumeState.WindowCount(ws, 0, 0, false, false).plus(v.bytes());
            open.add(w);
            open.sort((a, b) -> Long.compare(a.start(), b.start()));
            idx = open.indexOf(w);
        } else {
            w = open.get(idx).plus(v.bytes());
        }
        double z = policyReader.current().threshold("volume.zscore").orElse(s.zscore());
        boolean bytesAlert = false;
        boolean eventsAlert = false;
        if (bytes.windows() >= s.minHistory()) {
            bytesAlert = !w.bytesAlerted() && w.bytes() >= s.floorBytes() && bytes.zscore(w.bytes()) > z;
            eventsAlert = !w.eventsAlerted() && w.events() >= s.floorEvents() && events.zscore(w.events()) > z;
        }
        w = new VolumeState.WindowCount(w.start(), w.bytes(), w.events(), w.bytesAlerted() || bytesAlert,
                w.eventsAlerted() || eventsAlert);
        open.set(idx, w);
        states.put(record.key(), new VolumeState(Math.max(st.lastSeen(), v.eventTime()), bytes, events, open));
        if (bytesAlert) {
            emit(record, v, RULE_BYTES, w, bytes, w.bytes(), z, "bytes");
        }
        if (eventsAlert) {
            emit(record, v, RULE_EVENTS, w, events, w.events(), z, "events");
        }
        metrics.detectorTimer(DETECTOR).record(metrics.detectorClock() - start, TimeUnit.NANOSECONDS);
    }

    private void emit(Record<String, VolumeSample> record, VolumeSample v, String rule, VolumeState.WindowCount w,
                      Baseline b, long value, double z, String measure) {
        metrics.ruleHit(DETECTOR, rule);
        AlertContext ctx = new AlertContext(v.entity(), v.eventId(), v.eventTime(), v.sessionId(), v.deviceId(),
                v.userId(), v.userEmail(), v.agentName(), v.agentVersion(), v.repoRemote(),
                v.host().startsWith("model:") ? null : io.agentdlp.avro.Destination.newBuilder().setHost(v.host()).build(),
                false);
        double score = b.zscore(value);
        DlpAlert a = AlertDraft.of(ctx, DETECTOR, rule, score > 2 * z ? Severity.HIGH : Severity.MEDIUM)
                .title(String.format(Locale.ROOT, "Unusual %s sent to %s: %d in %d min (baseline %.0f)", measure, v.host(),
                        value, windowMs / 60_000, b.mean()))
                .explanation(String.format(Locale.ROOT, "In the window starting %s the %s sent to %s reached %d, %.1f standard "
                                + "deviations above this entity's baseline over %d earlier windows (threshold %.1f).",
                        java.time.Instant.ofEpochMilli(w.start()), measure, v.host(), value, score, b.windows(), z))
                .evidenceKey(String.valueOf(w.start()))
                .attribute("window_start", String.valueOf(w.start()))
                .attribute("window_end", String.valueOf(w.start() + windowMs))
                .attribute("measure", measure)
                .attribute("value", String.valueOf(value))
                .attribute("baseline_mean", String.format(Locale.ROOT, "%.1f", b.mean()))
                .attribute("baseline_stddev", String.format(Locale.ROOT, "%.1f", b.scoringStddev()))
                .attribute("zscore", String.format(Locale.ROOT, "%.2f", score))
                .attribute("threshold", String.format(Locale.ROOT, "%.2f", z))
                .attribute("history_windows", String.valueOf(b.windows()))
                .attribute("entity", v.entity())
                .build();
        context().forward(record.withKey(a.getAlertId()).withValue(a));
    }

    private void cleanup() {
        long streamTime = context().currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        long horizon = streamTime - s.stateTtl().toMillis();
        try (KeyValueIterator<String, VolumeState> it = states.all()) {
            while (it.hasNext()) {
                KeyValue<String, VolumeState> kv = it.next();
                if (kv.value.lastSeen() < horizon) {
                    states.delete(kv.key);
                }
            }
        }
    }
}
