package io.agentdlp.tuning.backtest;

import java.io.PrintWriter;
import java.util.Locale;

/** Renders a {@link BacktestReport} as Markdown: summary, per-rule table, changes by rule, precision/recall. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static void write(BacktestReport r, PrintWriter out) {
        out.println("# Backtest: " + r.candidate().config() + " against " + r.baseline().config());
        out.println();
        out.println("Replay set: " + r.events() + " event(s)" + (r.firstEvent() == null ? ""
                : ", " + r.firstEvent() + " .. " + r.lastEvent()) + ", " + r.labelledEvents() + " labelled.");
        out.println();
        out.println("| | baseline | candidate |");
        out.println("|---|---|---|");
        out.println("| configuration | " + r.baseline().config() + " | " + r.candidate().config() + " |");
        out.println("| alerts | " + r.baseline().alerts().size() + " | " + r.candidate().alerts().size() + " |");
        out.println("| alert records (first occurrences and updates) | " + r.baseline().alertRecords() + " | "
                + r.candidate().alertRecords() + " |");
        out.println("| dead-lettered records | " + r.baseline().deadLetters() + " | " + r.candidate().deadLetters() + " |");
        out.println();
        out.println("## Alerts by detector and rule");
        out.println();
        if (r.rules().isEmpty()) {
            out.println("Neither side detected anything.");
        } else {
            out.println("Alerts after aggregation; hits are detections before it (a noisy rule has many hits per alert).");
            out.println();
            out.println("| detector | rule | baseline | candidate | new | gone | changed | hits baseline | hits candidate |");
            out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            for (RuleSummary s : r.rules()) {
                out.println("| " + s.detector() + " | " + s.rule() + " | " + s.baseline() + " | " + s.candidate() + " | "
                        + s.added() + " | " + s.removed() + " | " + s.changed() + " | " + s.baselineHits() + " | "
                        + s.candidateHits() + " |");
            }
        }
        out.println();
        out.println("## Changes");
        out.println();
        if (r.changes().isEmpty()) {
            out.println("No alert is new, gone or changed.");
            out.println();
        }
        String section = null;
        for (AlertChange c : r.changes()) {
            AlertSnapshot a = c.alert();
            String s = a.detector() + " / " + a.rule();
            if (!s.equals(section)) {
                if (section != null) {
                    out.println();
                }
                out.println("### " + s);
                out.println();
                section = s;
            }
            out.println("- " + line(c));
        }
        if (section != null) {
            out.println();
        }
        if (!r.scores().isEmpty()) {
            out.println("## Precision and recall");
            out.println();
            out.println("Over the " + r.labelledEvents() + " labelled event(s); a label is `<detector>:<rule>`, "
                    + "counts are (true positives / raised) and (true positives / expected).");
            out.println();
            out.println("| label | baseline precision | baseline recall | candidate precision | candidate recall |");
            out.println("|---|---:|---:|---:|---:|");
            for (LabelScore sc : r.scores()) {
                String label = sc.label().equals("all") ? "**all labels**" : sc.label();
                out.println("| " + label + " | " + precision(sc.baseline()) + " | " + recall(sc.baseline()) + " | "
                        + precision(sc.candidate()) + " | " + recall(sc.candidate()) + " |");
            }
            out.println();
        }
        out.flush();
    }

    private static String line(AlertChange c) {
        AlertSnapshot a = c.alert();
        String where = "`" + a.key() + "`" + (a.sessionId() == null ? "" : " session `" + a.sessionId() + "`");
        return switch (c.kind()) {
            case NEW, GONE -> "**" + c.kind().name().toLowerCase(Locale.ROOT) + "** " + where + ", " + a.severity() + ", "
                    + a.firstSeen() + " (" + a.occurrences() + " occurrence" + (a.occurrences() == 1 ? "" : "s") + "): "
                    + a.title();
            case CHANGED -> "**changed** " + where + ": " + String.join("; ", c.fields().stream()
                    .map(f -> f.field() + " " + f.before() + " -> " + f.after()).toList());
        };
    }

    private static String precision(LabelCounts c) {
        return ratio(c.precision(), c.truePositives(), c.truePositives() + c.falsePositives());
    }

    private static String recall(LabelCounts c) {
        return ratio(c.recall(), c.truePositives(), c.truePositives() + c.falseNegatives());
    }

    private static String ratio(double v, long num, long den) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f (%d/%d)", v, num, den);
    }
}
