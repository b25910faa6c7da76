package io.agentdlp.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a step's rate counts as sustained: all four of
 * <ol>
 *   <li><b>delivered</b>: the gateway accepted at least 95 % of the offered events and refused none;</li>
 *   <li><b>complete</b>: every planted secret's alert arrived within the drain window after the load stopped;</li>
 *   <li><b>drained</b>: within that window the topology had committed every event (no backlog carried over);</li>
 *   <li><b>fast</b>: p99 event-to-alert latency within the budget, over at least one measured alert.</li>
 * </ol>
 */
public record SustainedRule(double p99BudgetMs, double drainSeconds) {
    static final double MIN_DELIVERED_SHARE = 0.95;

    public boolean sustained(StepResult s) {
        return failures(s).isEmpty();
    }

    /** Why {@code s} is not sustained, one short reason per broken condition (no commas: they go into a CSV). */
    List<String> failures(StepResult s) {
        List<String> why = new ArrayList<>();
        if (s.achievedRate() < MIN_DELIVERED_SHARE * s.targetRate()) {
            why.add(String.format(Locale.ROOT, "accepted %.0f%% of offered", 100 * s.achievedRate() / s.targetRate()));
        }
        if (s.failedEvents() > 0) {
            why.add(s.failedEvents() + " events refused");
        }
        if (s.alertsMissing() > 0) {
            why.add(s.alertsMissing() + " alerts missing");
        }
        if (s.backlogDrainSeconds() < 0 || s.backlogDrainSeconds() > drainSeconds) {
            why.add(s.backlogDrainSeconds() < 0 ? "backlog not drained"
                    : String.format(Locale.ROOT, "backlog drained after %.0f s", s.backlogDrainSeconds()));
        }
        if (s.alertLatency().count() == 0) {
            why.add("no alert measured");
        } else if (s.alertLatency().p99() > p99BudgetMs) {
            why.add(String.format(Locale.ROOT, "p99 %.0f ms over %.0f ms", s.alertLatency().p99(), p99BudgetMs));
        }
        return why;
    }

    /** {@code sustained} or the reasons it is not, for the terminal and the results file. */
    public String verdict(StepResult s) {
        List<String> why = failures(s);
        return why.isEmpty() ? "sustained" : "not sustained: " + String.join("; ", why);
    }
}
