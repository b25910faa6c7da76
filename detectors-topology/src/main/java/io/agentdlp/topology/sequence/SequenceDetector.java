package io.agentdlp.topology.sequence;

import java.time.Duration;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.agentdlp.avro.Policy;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.shell.Endpoint;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.alert.AlertDraft;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.agentdlp.topology.policy.Destinations;
import io.agentdlp.topology.policy.PolicyView;
import io.agentdlp.topology.risky.HostClassifier;

/**
 * Sensitive read followed by egress, per session: a read of a sensitive file (see
 * {@link SensitivePaths}) is remembered in the session's state (bounded, oldest dropped); an egress
 * to a destination policy does not allow, or any network-capable shell command, within the window
 * after it (event time) raises an alert naming the file. An event that both reads and sends
 * ({@code curl -F f=@~/.aws/credentials ...}) alerts with a gap of zero. Sessions idle longer than
 * the TTL (stream time) are deleted by a wall-clock punctuation.
 */
public final class SequenceDetector extends ContextualProcessor<String, InspectedEvent, String, InspectedEvent> {
    public static final String DETECTOR = "sequence";
    public static final String RULE = "sensitive-read-then-egress";

    private final String storeName;
    private final PolicyView policies;
    private final SensitivePaths paths;
    private final HostClassifier hosts;
    private final long windowMs;
    private final long ttlMs;
    private final int maxReads;
    private final Duration cleanupInterval;
    private final DlpMetrics metrics;
    private KeyValueStore<String, SessionReads> sessions;
    private PolicyView.Reader policyReader;

    public SequenceDetector(String storeName, PolicyView policies, SensitivePaths paths, HostClassifier hosts,
                            Duration window, Duration ttl, int maxReads, Duration cleanupInterval, DlpMetrics metrics) {
        this.storeName = storeName;
        this.policies = policies;
        this.paths = paths;
        this.hosts = hosts;
        this.windowMs = window.toMillis();
        this.ttlMs = ttl.toMillis();
        this.maxReads = maxReads;
        this.cleanupInterval = cleanupInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, InspectedEvent> context) {
        super.init(context);
        sessions = context.getStateStore(storeName);
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>> p = context.getStateStore(policies.storeName());
        policyReader = policies.reader(p);
        context.schedule(cleanupInterval, PunctuationType.WALL_CLOCK_TIME, now -> cleanup());
    }

    @Override
    public void process(Record<String, InspectedEvent> record) {
        InspectedEvent e = record.value();
        long start = metrics.detectorClock();
        String readPath = paths.readBy(e, policyReader.current());
        boolean egress = e.egressNotAllowed() || e.command().networkCapable();
        if (readPath != null || egress) {
            long t = e.event().getEventTime().toEpochMilli();
            SessionReads state = sessions.get(record.key());
            if (state == null) {
                state = SessionReads.empty();
            }
            SessionReads next = readPath != null ? state.with(new SensitiveRead(t, readPath), maxReads) : state.seenAt(t);
            if (egress) {
                for (SensitiveRead r : next.reads()) {
                    long gap = t - r.time();
                    if (gap >= 0 && gap <= windowMs) {
                        e.addDetection(alert(e, r, gap));
                        metrics.ruleHit(DETECTOR, RULE);
                    }
                }
            }
            if (!next.equals(state)) {
                sessions.put(record.key(), next);
            }
        }
        metrics.detectorTimer(DETECTOR).record(metrics.detectorClock() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        context().forward(record);
    }

    private io.agentdlp.avro.DlpAlert alert(InspectedEvent e, SensitiveRead read, long gapMs) {
        Endpoint to = e.decidedEndpoint() != null ? e.decidedEndpoint()
                : e.command().endpoints().isEmpty() ? null : e.command().endpoints().get(0);
        boolean external = e.egressNotAllowed() || e.command().endpoints().stream().anyMatch(x -> hosts.isExternal(x.host()));
        String how = to != null ? to.host() : e.command().commands().isEmpty() ? "the network"
                : "a " + e.command().commands().get(0).program() + " command";
        String file = read.path().replaceAll(".*[/\\\\]", "");
        AlertContext ctx = AlertContext.of(e.key(), e.event(), to == null ? null : Destinations.toAvro(to), e.truncated());
        return AlertDraft.of(ctx, DETECTOR, RULE, external ? Severity.HIGH : Severity.MEDIUM)
                .title("Sensitive file " + file + " read, then data sent to " + how)
                .explanation("In this session the agent read " + read.path() + " and " + (gapMs / 1000)
                        + " s later sent data " + (e.egressNotAllowed() ? "to a destination the policy does not allow"
                        : "with a network-capable shell command") + ". Check whether the file's content left the machine.")
                .evidenceKey(read.path())
                .attribute("read_path", read.path())
                .attribute("read_time", String.valueOf(read.time()))
                .attribute("gap_ms", String.valueOf(gapMs))
                .attribute("window_ms", String.valueOf(windowMs))
                .attribute("egress", e.egressNotAllowed() ? "destination-not-allowed" : "network-command")
                .build();
    }

    private void cleanup() {
        long streamTime = context().currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        long horizon = streamTime - ttlMs;
        try (KeyValueIterator<String, SessionReads> it = sessions.all()) {
            while (it.hasNext()) {
                KeyValue<String, SessionReads> kv = it.next();
                if (kv.value.lastSeen() < horizon) {
                    sessions.delete(kv.key);
                }
            }
        }
    }
}
