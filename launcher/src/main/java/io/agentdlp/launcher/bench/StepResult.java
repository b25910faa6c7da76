package io.agentdlp.launcher.bench;

/**
 * One fixed-rate step of the benchmark.
 *
 * @param guarantee    processing guarantee of the topology ({@code exactly_once_v2}, {@code at_least_once})
 * @param phase        {@code search} (max-rate search) or {@code profile} (a fraction of the best rate)
 * @param targetRate   events/s offered
 * @param achievedRate events/s the gateway accepted
 * @param alertLatency event time → alert on dlp-alerts
 * @param ingestLatency request sent → gateway acknowledged (after Kafka acks=all)
 * @param failedEvents events the gateway refused (non-200) or that could not be sent
 * @param alertsMissing planted secrets whose alert did not arrive before the step's drain deadline
 * @param cpuPercent   process CPU (stack and load generator, one JVM) from the step's start until the topology drained
 *                     its backlog, over that wall time (100 = one core)
 * @param rssMb        resident memory of that process at the step's end
 * @param eventsPerCpuSecond accepted events per CPU-second of that process: robust to what else loads the machine
 */
public record StepResult(String guarantee, String phase, double targetRate, double achievedRate, LatencyStats.Summary alertLatency,
                  LatencyStats.Summary ingestLatency, long failedEvents, long alertsMissing, double cpuPercent, double rssMb,
                  double eventsPerCpuSecond) {

    /** Sustained: the offered rate was delivered and alerts kept up within the latency budget. */
    public boolean sustained(double p99BudgetMs) {
        return achievedRate >= 0.95 * targetRate && failedEvents == 0 && alertsMissing == 0 && alertLatency.count() > 0
                && alertLatency.p99() <= p99BudgetMs;
    }
}
