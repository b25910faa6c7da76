package io.agentdlp.alerts.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.TriageStatus;

/**
 * Aggregates for the overview charts over the alerts matching a query: alerts raised per time bucket
 * by severity (bucketed by first-seen time; the bucket width is picked so the range has at most
 * {@value #MAX_BUCKETS} buckets), counts by severity and status, and the top users, repositories,
 * destinations and rules.
 *
 * @param bucketStart first bucket's start
 * @param bucketWidth width of each bucket
 * @param series      severity → count per bucket (same length for every severity)
 * @param bySeverity  alerts per severity
 * @param byStatus    alerts per effective status
 * @param topUsers    user → alerts, most first
 * @param topRepos    repository → alerts
 * @param topDestinations destination host → alerts
 * @param topRules    detector/rule → alerts
 * @param total       alerts matching
 */
public record Overview(Instant bucketStart, Duration bucketWidth, Map<Severity, long[]> series,
                       Map<Severity, Long> bySeverity, Map<TriageStatus, Long> byStatus,
                       Map<String, Long> topUsers, Map<String, Long> topRepos, Map<String, Long> topDestinations,
                       Map<String, Long> topRules, long total) {
    static final int MAX_BUCKETS = 48;
    static final int TOP = 10;
    private static final List<Duration> WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));

    /** Computes the overview of {@code views} (already filtered) for the range {@code from..to}. */
    public static Overview of(List<AlertView> views, Instant from, Instant to, Instant now) {
        Instant end = to != null ? to : now;
        Instant start = from != null ? from
                : views.stream().map(v -> v.alert().getFirstSeen()).min(Comparator.naturalOrder())
                        .orElse(end.minus(Duration.ofHours(24)));
        if (!start.isBefore(end)) {
            start = end.minus(Duration.ofHours(1));
        }
        Duration width = width(Duration.between(start, end));
        Instant first = Instant.ofEpochMilli(Math.floorDiv(start.toEpochMilli(), width.toMillis()) * width.toMillis());
        int buckets = (int) Math.max(1, (end.toEpochMilli() - first.toEpochMilli() + width.toMillis() - 1) / width.toMillis());
        Map<Severity, long[]> series = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            series.put(s, new long[buckets]);
        }
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        Map<TriageStatus, Long> byStatus = new EnumMap<>(TriageStatus.class);
        Map<String, Long> users = new HashMap<>();
        Map<String, Long> repos = new HashMap<>();
        Map<String, Long> destinations = new HashMap<>();
        Map<String, Long> rules = new HashMap<>();
        for (AlertView v : views) {
            DlpAlert a = v.alert();
            long i = (a.getFirstSeen().toEpochMilli() - first.toEpochMilli()) / width.toMillis();
            if (i >= 0 && i < buckets) {
                series.get(a.getSeverity())[(int) i]++;
            }
            bySeverity.merge(a.getSeverity(), 1L, Long::sum);
            byStatus.merge(v.effectiveStatus(now), 1L, Long::sum);
            count(users, a, x -> x.getUserEmail() != null ? x.getUserEmail() : x.getUserId());
            count(repos, a, DlpAlert::getRepoRemote);
            count(destinations, a, x -> x.getDestination() == null ? null : x.getDestination().getHost());
            count(rules, a, x -> x.getDetector() + "/" + x.getRuleId());
        }
        return new Overview(first, width, series, bySeverity, byStatus, top(users), top(repos), top(destinations),
                top(rules), views.size());
    }

    private static Duration width(Duration range) {
        for (Duration w : WIDTHS) {
            if (range.toMillis() / w.toMillis() <= MAX_BUCKETS) {
                return w;
            }
        }
        return WIDTHS.get(WIDTHS.size() - 1);
    }

    private static void count(Map<String, Long> m, DlpAlert a, Function<DlpAlert, String> key) {
        String k = key.apply(a);
        if (k != null) {
            m.merge(k, 1L, Long::sum);
        }
    }

    private static Map<String, Long> top(Map<String, Long> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
