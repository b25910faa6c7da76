package io.agentdlp.tuning.backtest;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders a {@link BacktestReport} as JSON Lines for scripts and CI: one {@code run} line per side,
 * one {@code rule} line per detector and rule, one {@code alert} line per change, one {@code score}
 * line per label. Field order is fixed.
 */
public final class JsonlReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlReport() {
    }

    public static void write(BacktestReport r, PrintWriter out) {
        for (String side : List.of("baseline", "candidate")) {
            RunResult run = side.equals("baseline") ? r.baseline() : r.candidate();
            Map<String, Object> m = object("run");
            m.put("side", side);
            m.put("config", run.config());
            m.put("events", r.events());
            m.put("labelled_events", r.labelledEvents());
            m.put("first_event", r.firstEvent() == null ? null : r.firstEvent().toString());
            m.put("last_event", r.lastEvent() == null ? null : r.lastEvent().toString());
            m.put("alerts", run.alerts().size());
            m.put("alert_records", run.alertRecords());
            m.put("dead_letters", run.deadLetters());
            line(m, out);
        }
        for (RuleSummary s : r.rules()) {
            Map<String, Object> m = object("rule");
            m.put("detector", s.detector());
            m.put("rule", s.rule());
            m.put("baseline", s.baseline());
            m.put("candidate", s.candidate());
            m.put("new", s.added());
            m.put("gone", s.removed());
            m.put("changed", s.changed());
            m.put("baseline_hits", s.baselineHits());
            m.put("candidate_hits", s.candidateHits());
            line(m, out);
        }
        for (AlertChange c : r.changes()) {
            AlertSnapshot a = c.alert();
            Map<String, Object> m = object("alert");
            m.put("change", c.kind().name().toLowerCase(Locale.ROOT));
            m.put("detector", a.detector());
            m.put("rule", a.rule());
            m.put("alert", a.key());
            m.put("session_id", a.sessionId());
            m.put("severity", a.severity());
            m.put("title", a.title());
            m.put("first_seen", a.firstSeen().toString());
            m.put("last_seen", a.lastSeen().toString());
            m.put("occurrences", a.occurrences());
            if (c.kind() == AlertChange.Kind.CHANGED) {
                Map<String, Object> fields = new LinkedHashMap<>();
                c.fields().forEach(f -> fields.put(f.field(), List.of(f.before(), f.after())));
                m.put("fields", fields);
            }
            line(m, out);
        }
        for (LabelScore s : r.scores()) {
            Map<String, Object> m = object("score");
            m.put("label", s.label());
            m.put("baseline", counts(s.baseline()));
            m.put("candidate", counts(s.candidate()));
            line(m, out);
        }
        out.flush();
    }

    private static Map<String, Object> counts(LabelCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tp", c.truePositives());
        m.put("fp", c.falsePositives());
        m.put("fn", c.falseNegatives());
        m.put("precision", Double.isNaN(c.precision()) ? null : c.precision());
        m.put("recall", Double.isNaN(c.recall()) ? null : c.recall());
        return m;
    }

    private static Map<String, Object> object(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }

    private static void line(Map<String, Object> m, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode a backtest report line", e);
        }
    }
}
