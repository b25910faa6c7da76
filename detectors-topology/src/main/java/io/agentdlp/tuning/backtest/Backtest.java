package io.agentdlp.tuning.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays a replay set through the real topology twice, with a baseline and a candidate
 * configuration, and compares the alerts: per detector and rule, which alerts are new, gone or
 * changed, and, where events carry labels, precision and recall of each side.
 *
 * <p>Events are replayed in event-time order (stable for equal times, so file order breaks ties),
 * which is how a topology that read each session's partition in order would have seen them.
 */
public final class Backtest {
    private Backtest() {
    }

    public static BacktestReport run(List<ReplayEvent> replaySet, BacktestConfig baseline, BacktestConfig candidate) {
        List<ReplayEvent> events = new ArrayList<>(replaySet);
        events.sort(Comparator.comparing(e -> e.event().getEventTime()));
        Instant first = events.isEmpty() ? Instant.EPOCH : events.get(0).event().getEventTime();
        Instant last = events.isEmpty() ? null : events.get(events.size() - 1).event().getEventTime();
        RunResult base = BacktestRun.run(baseline, events, first);
        RunResult cand = BacktestRun.run(candidate, events, first);
        List<AlertChange> changes = changes(base.alerts(), cand.alerts());
        int labelled = (int) events.stream().filter(ReplayEvent::labelled).count();
        return new BacktestReport(events.size(), events.isEmpty() ? null : first, last, labelled, base, cand,
                summaries(base, cand, changes), changes, scores(events, base, cand));
    }

    static List<AlertChange> changes(List<AlertSnapshot> before, List<AlertSnapshot> after) {
        Map<String, AlertSnapshot> a = byKey(before);
        Map<String, AlertSnapshot> b = byKey(after);
        List<AlertChange> out = new ArrayList<>();
        for (AlertSnapshot x : before) {
            AlertSnapshot y = b.get(x.key());
            if (y == null) {
                out.add(new AlertChange(AlertChange.Kind.GONE, x, null, List.of()));
            } else {
                List<AlertChange.FieldChange> fields = fields(x, y);
                if (!fields.isEmpty()) {
                    out.add(new AlertChange(AlertChange.Kind.CHANGED, x, y, fields));
                }
            }
        }
        for (AlertSnapshot y : after) {
            if (!a.containsKey(y.key())) {
                out.add(new AlertChange(AlertChange.Kind.NEW, null, y, List.of()));
            }
        }
        out.sort(Comparator.comparing((AlertChange c) -> c.alert().detector()).thenComparing(c -> c.alert().rule())
                .thenComparing(AlertChange::kind).thenComparing(c -> c.alert().key()));
        return out;
    }

    private static List<AlertChange.FieldChange> fields(AlertSnapshot x, AlertSnapshot y) {
        List<AlertChange.FieldChange> out = new ArrayList<>();
        field("severity", x.severity(), y.severity(), out);
        field("title", x.title(), y.title(), out);
        field("first_seen", x.firstSeen(), y.firstSeen(), out);
        field("last_seen", x.lastSeen(), y.lastSeen(), out);
        field("occurrences", x.occurrences(), y.occurrences(), out);
        field("content_truncated", x.truncated(), y.truncated(), out);
        return out;
    }

    private static void field(String name, Object a, Object b, List<AlertChange.FieldChange> out) {
        if (!Objects.equals(a, b)) {
            out.add(new AlertChange.FieldChange(name, String.valueOf(a), String.valueOf(b)));
        }
    }

    private static List<RuleSummary> summaries(RunResult base, RunResult cand, List<AlertChange> changes) {
        Map<String, int[]> counts = new TreeMap<>();
        base.alerts().forEach(s -> counts.computeIfAbsent(ruleKey(s), k -> new int[5])[0]++);
        cand.alerts().forEach(s -> counts.computeIfAbsent(ruleKey(s), k -> new int[5])[1]++);
        for (AlertChange c : changes) {
            counts.get(ruleKey(c.alert()))[2 + c.kind().ordinal()]++;
        }
        base.ruleHits().keySet().forEach(l -> counts.computeIfAbsent(l.replaceFirst(":", "\0"), k -> new int[5]));
        cand.ruleHits().keySet().forEach(l -> counts.computeIfAbsent(l.replaceFirst(":", "\0"), k -> new int[5]));
        List<RuleSummary> out = new ArrayList<>();
        counts.forEach((k, n) -> {
            String[] dr = k.split("\0", 2);
            String label = dr[0] + ":" + dr[1];
            out.add(new RuleSummary(dr[0], dr[1], n[0], n[1], n[2], n[3], n[4], base.ruleHits().getOrDefault(label, 0L),
                    cand.ruleHits().getOrDefault(label, 0L)));
        });
        return out;
    }

    private static String ruleKey(AlertSnapshot s) {
        return s.detector() + "\0" + s.rule();
    }

    /** Per label and overall; empty when no event is labelled. */
    static List<LabelScore> scores(List<ReplayEvent> events, RunResult base, RunResult cand) {
        if (events.stream().noneMatch(ReplayEvent::labelled)) {
            return List.of();
        }
        Map<String, Set<String>> raisedBase = raisedByEvent(base.alerts());
        Map<String, Set<String>> raisedCand = raisedByEvent(cand.alerts());
        TreeSet<String> labels = new TreeSet<>();
        for (ReplayEvent e : events) {
            if (e.labelled()) {
                labels.addAll(e.expected());
                labels.addAll(raisedBase.getOrDefault(e.event().getEventId(), Set.of()));
                labels.addAll(raisedCand.getOrDefault(e.event().getEventId(), Set.of()));
            }
        }
        List<LabelScore> out = new ArrayList<>();
        LabelCounts allBase = LabelCounts.ZERO;
        LabelCounts allCand = LabelCounts.ZERO;
        for (String label : labels) {
            LabelCounts b = counts(label, events, raisedBase);
            LabelCounts c = counts(label, events, raisedCand);
            out.add(new LabelScore(label, b, c));
            allBase = allBase.plus(b);
            allCand = allCand.plus(c);
        }
        out.add(new LabelScore("all", allBase, allCand));
        return out;
    }

    private static LabelCounts counts(String label, List<ReplayEvent> events, Map<String, Set<String>> raised) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (ReplayEvent e : events) {
            if (!e.labelled()) {
                continue;
            }
            boolean expected = e.expected().contains(label);
            boolean got = raised.getOrDefault(e.event().getEventId(), Set.of()).contains(label);
            if (expected && got) {
                tp++;
            } else if (got) {
                fp++;
            } else if (expected) {
                fn++;
            }
        }
        return new LabelCounts(tp, fp, fn);
    }

    /** Event id → labels of the alerts it triggered. */
    private static Map<String, Set<String>> raisedByEvent(List<AlertSnapshot> alerts) {
        Map<String, Set<String>> out = new HashMap<>();
        for (AlertSnapshot a : alerts) {
            for (String id : a.eventIds()) {
                out.computeIfAbsent(id, k -> new HashSet<>()).add(a.label());
            }
        }
        return out;
    }

    private static Map<String, AlertSnapshot> byKey(List<AlertSnapshot> alerts) {
        Map<String, AlertSnapshot> m = new LinkedHashMap<>();
        alerts.forEach(a -> m.put(a.key(), a));
        return m;
    }
}
