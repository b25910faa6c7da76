package io.agentdlp.launcher.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits each component's CPU into a fixed cost per second of running (commit loops, polls, timers) and
 * a marginal cost per event, by least squares over a guarantee's steps: {@code cpu = idle × wall + perEvent
 * × accepted}. Both are CPU time, so they hold on a machine shared with other work, where rates and
 * latencies do not; {@code 1 / perEvent} is the path's events per marginal CPU-second.
 *
 * @param idleCores           per component: CPU-seconds per wall-second with no load (1 = one core)
 * @param cpuMillisPerEvent   per component: marginal CPU milliseconds per accepted event
 * @param steps               how many steps the fit used
 */
public record CpuCostModel(Map<String, Double> idleCores, Map<String, Double> cpuMillisPerEvent, int steps) {

    /**
     * The fit over the profile steps of {@code steps} (the JIT is warm by then, and they span 25–100 % of a
     * rate), or over every step but the warm-up when there are fewer than two; null with fewer than two
     * steps or no spread in rate.
     */
    static CpuCostModel fit(List<StepResult> steps) {
        List<StepResult> used = steps.stream().filter(s -> s.phase().equals("profile") && s.wallSeconds() > 0).toList();
        if (used.size() < 2) {
            used = steps.stream().filter(s -> !s.phase().equals("warmup") && s.wallSeconds() > 0).toList();
        }
        if (used.size() < 2) {
            return null;
        }
        // normal equations of y = a·w + b·n with regressors w (wall seconds) and n (accepted events)
        double ww = 0;
        double wn = 0;
        double nn = 0;
        for (StepResult s : used) {
            ww += s.wallSeconds() * s.wallSeconds();
            wn += s.wallSeconds() * s.accepted();
            nn += (double) s.accepted() * s.accepted();
        }
        double det = ww * nn - wn * wn;
        if (det <= 1e-9 * ww * nn) {
            return null;
        }
        Map<String, Double> idle = new LinkedHashMap<>();
        Map<String, Double> perEvent = new LinkedHashMap<>();
        for (String c : ComponentCpu.COMPONENTS) {
            double wy = 0;
            double ny = 0;
            for (StepResult s : used) {
                double y = s.cpu().seconds(c);
                wy += s.wallSeconds() * y;
                ny += s.accepted() * y;
            }
            idle.put(c, (nn * wy - wn * ny) / det);
            perEvent.put(c, 1000 * (ww * ny - wn * wy) / det);
        }
        return new CpuCostModel(idle, perEvent, used.size());
    }

    /** Marginal CPU milliseconds per event of the product's path (every component but the benchmark's own threads). */
    public double pathMillisPerEvent() {
        return cpuMillisPerEvent.entrySet().stream().filter(e -> !e.getKey().equals(ComponentCpu.BENCH))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Events per marginal CPU-second of the path. */
    public double pathEventsPerCpuSecond() {
        double ms = pathMillisPerEvent();
        return ms <= 0 ? 0 : 1000 / ms;
    }

    /** Idle CPU of the path in cores. */
    public double pathIdleCores() {
        return idleCores.entrySet().stream().filter(e -> !e.getKey().equals(ComponentCpu.BENCH))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
