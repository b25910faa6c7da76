package io.agentdlp.launcher.bench;

/**
 * One fixed-rate step of the benchmark.
 *
 * @param guarantee      processing guarantee of the topology ({@code exactly_once_v2}, {@code at_least_once})
 * @param phase          {@code warmup}, {@code search} (max-rate search) or {@code profile} (a fraction of the best rate)
 * @param targetRate     events/s offered
 * @param seconds        how long the rate was offered
 * @param accepted       events the gateway accepted (200 after Kafka acks=all)
 * @param failedEvents   events the gateway refused (non-200) or that could not be sent
 * @param alertLatency   event time → alert read from dlp-alerts, for every planted secret
 * @param ingestLatency  intended send time → gateway acknowledged
 * @param alertsMissing  planted secrets whose alert did not arrive within the drain window after the load stopped
 * @param backlogDrainSeconds from the end of the load until the topology had committed every event; -1 when it was
 *                       still behind after the longest wait (3 minutes)
 * @param wallSeconds    from the step's start until the backlog was drained (the CPU figures' denominator)
 * @param cpu            CPU-seconds per component over {@code wallSeconds}
 * @param rssMb          resident memory of the process at the step's end
 */
public record StepResult(String guarantee, String phase, double targetRate, double seconds, long accepted, long failedEvents,
                         LatencyStats.Summary alertLatency, LatencyStats.Summary ingestLatency, long alertsMissing,
                         double backlogDrainSeconds, double wallSeconds, ComponentCpu cpu, double rssMb) {

    /** Accepted events per second of offered load. */
    public double achievedRate() {
        return seconds <= 0 ? 0 : accepted / seconds;
    }

    /** Process CPU over the step's wall time, 100 = one core. */
    public double cpuPercent() {
        return wallSeconds <= 0 ? 0 : 100 * cpu.total() / wallSeconds;
    }

    /** Accepted events per CPU-second of the whole process (stack and load generator). */
    public double eventsPerCpuSecond() {
        return cpu.total() <= 0 ? 0 : accepted / cpu.total();
    }

    /** Accepted events per CPU-second of the product's path: the process minus the benchmark's own threads. */
    public double pathEventsPerCpuSecond() {
        double path = cpu.total() - cpu.seconds(ComponentCpu.BENCH);
        return path <= 0 ? 0 : accepted / path;
    }
}
