package io.agentdlp.topology.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.agentdlp.topology.code.CodeIndexStats;

/**
 * The topology's own meters (Prometheus names in brackets): events in by source and kind
 * [dlp_events_in_total], bytes scanned [dlp_bytes_scanned_total], per-detector latency
 * [dlp_detector_latency_seconds], per-rule hits [dlp_rule_hits_total], alerts emitted
 * [dlp_alerts_total], repeats folded into an existing alert [dlp_alert_repeats_suppressed_total],
 * duplicate content blocks skipped [dlp_duplicate_blocks_skipped_total], dead-lettered records
 * [dlp_dead_letter_total], late records dropped [dlp_late_records_dropped_total], truncated content
 * [dlp_content_truncated_total], plus gauges of the code index and policies. Tag values are rule
 * ids, detector names and enum symbols only, never content. Meters are cached: the hot path does
 * one map lookup per increment.
 */
public final class DlpMetrics {
    private final MeterRegistry registry;
    private final LongSupplier detectorClock;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    // The two counters incremented per event and per detection: looked up without building a key.
    private final Map<String, Map<String, Counter>> eventsIn = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> ruleHits = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> repeatsSuppressed = new ConcurrentHashMap<>();
    // Incremented per alert record: keyed by a small record instead of the generic tag list.
    private final Map<AlertMeter, Counter> alertsEmitted = new ConcurrentHashMap<>();
    private final Counter bytesScanned;
    private final Counter duplicateBlocks;
    private final Counter truncated;

    public DlpMetrics(MeterRegistry registry) {
        this(registry, System::nanoTime);
    }

    /**
     * @param detectorClock nanosecond clock the detector timers read: wall time in production; a
     *                      benchmark passes the thread's CPU time to see what each detector costs
     */
    public DlpMetrics(MeterRegistry registry, LongSupplier detectorClock) {
        this.registry = registry;
        this.detectorClock = detectorClock;
        this.bytesScanned = Counter.builder("dlp.bytes.scanned").baseUnit("bytes")
                .description("UTF-8 bytes of content run through the content detectors").register(registry);
        this.duplicateBlocks = Counter.builder("dlp.duplicate.blocks.skipped")
                .description("Content blocks skipped because the session already had them scanned").register(registry);
        this.truncated = Counter.builder("dlp.content.truncated")
                .description("Events whose content was scanned only up to scan.max.bytes").register(registry);
    }

    /** Meters into a private registry nobody scrapes (tests, backtests, benchmarks). */
    public static DlpMetrics detached() {
        return new DlpMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void eventIn(String source, String kind) {
        twoTagCounter(eventsIn, source, kind, () -> counter("dlp.events.in", "Events read from the egress topic",
                "source", source, "kind", kind)).increment();
    }

    public void bytesScanned(long n) {
        bytesScanned.increment(n);
    }

    public void duplicateBlockSkipped() {
        duplicateBlocks.increment();
    }

    public void contentTruncated() {
        truncated.increment();
    }

    public void ruleHit(String detector, String rule) {
        twoTagCounter(ruleHits, detector, rule, () -> counter("dlp.rule.hits", "Detections before alert aggregation",
                "detector", detector, "rule", rule)).increment();
    }

    /** An alert record written to the alerts topic; {@code update} false for the first occurrence. */
    public void alertEmitted(String detector, String rule, String severity, boolean update) {
        AlertMeter key = new AlertMeter(detector, rule, severity, update);
        Counter c = alertsEmitted.get(key);
        if (c == null) {
            c = alertsEmitted.computeIfAbsent(key, k -> counter("dlp.alerts", "Alert records emitted", "detector", detector,
                    "rule", rule, "severity", severity, "kind", update ? "update" : "new"));
        }
        c.increment();
    }

    /** An occurrence folded into an alert without an immediate update (rate bound). */
    public void repeatSuppressed(String detector, String rule) {
        twoTagCounter(repeatsSuppressed, detector, rule, () -> counter("dlp.alert.repeats.suppressed",
                "Occurrences aggregated into an existing alert without an immediate update", "detector", detector, "rule", rule))
                .increment();
    }

    /** A record written to the dead-letter topic; {@code detector} is the failing detector or {@code none}. */
    public void deadLettered(String reason, String detector) {
        counter("dlp.dead.letter", "Records written to the dead-letter topic", "reason", reason, "detector", detector)
                .increment();
    }

    public void lateRecordDropped(String detector) {
        counter("dlp.late.records.dropped", "Records older than the grace period, not counted", "detector", detector)
                .increment();
    }

    /** A {@code POST /v1/verdict} answered with {@code decision}. */
    public void verdict(String decision) {
        counter("dlp.verdicts", "Inline verdicts answered", "decision", decision).increment();
    }

    /** A partitioned-mode probe reported before every shard answered (timeout). */
    public void incompleteProbe() {
        counter("dlp.code.probes.incomplete", "Code probes reported with answers missing from some shards").increment();
    }

    /** The clock of {@link #detectorTimer}: read before and after a detector, record the difference. */
    public long detectorClock() {
        return detectorClock.getAsLong();
    }

    /** Latency timer of one detector (nanoseconds of {@link #detectorClock()}). */
    public Timer detectorTimer(String detector) {
        return timers.computeIfAbsent(detector, d -> Timer.builder("dlp.detector.latency")
                .description("Time spent in one detector per event").tag("detector", d)
                .register(registry));
    }

    /** Gauges of the materialised code index: documents, newest version, age of the newest record, record counts. */
    public void codeIndexGauges(CodeIndexStats s) {
        gauge("dlp.code.index.documents", "Files in the materialised code index", Tags.empty(), s,
                CodeIndexStats::documents);
        gauge("dlp.code.index.version", "Newest index_version applied", Tags.empty(), s,
                CodeIndexStats::lastVersion);
        gauge("dlp.code.index.age.seconds", "Seconds since the newest applied record was published (-1 before any)",
                Tags.empty(), s, x -> x.lastPublishedAt() == 0 ? -1 : (System.currentTimeMillis() - x.lastPublishedAt()) / 1000.0);
        for (String kind : List.of("applied", "removed", "rejected")) {
            gauge("dlp.code.index.records", "Index records applied, removed (tombstones) and rejected (foreign k/w)",
                    Tags.of("result", kind), s, x -> switch (kind) {
                        case "applied" -> x.appliedRecords();
                        case "removed" -> x.removedRecords();
                        default -> x.rejectedRecords();
                    });
        }
    }

    /** Registers a gauge reading {@code fn} of {@code target} (held weakly by Micrometer; keep a reference). */
    public <T> void gauge(String name, String description, Tags tags, T target, Function<T, Number> fn) {
        Gauge.builder(name, target, t -> fn.apply(t).doubleValue()).description(description).tags(tags).register(registry);
    }

    private static Counter twoTagCounter(Map<String, Map<String, Counter>> cache, String first, String second,
                                         Supplier<Counter> create) {
        Map<String, Counter> byFirst = cache.get(first == null ? "unknown" : first);
        Counter c = byFirst == null ? null : byFirst.get(second == null ? "unknown" : second);
        if (c == null) {
            c = create.get();
            cache.computeIfAbsent(first == null ? "unknown" : first, k -> new ConcurrentHashMap<>())
                    .putIfAbsent(second == null ? "unknown" : second, c);
        }
        return c;
    }

    private Counter counter(String name, String description, String... tagPairs) {
        List<String> key = new ArrayList<>(tagPairs.length + 1);
        key.add(name);
        for (String t : tagPairs) {
            key.add(t == null ? "unknown" : t);
        }
        Counter c = counters.get(key);
        if (c == null) {
            c = counters.computeIfAbsent(key, k -> Counter.builder(name).description(description)
                    .tags(Tags.of(k.subList(1, k.size()).toArray(new String[0]))).register(registry));
        }
        return c;
    }

    /** Tag values of one {@code dlp.alerts} counter. */
    private record AlertMeter(String detector, String rule, String severity, boolean update) {
    }
}
