package io.agentdlp.launcher.bench;

/**
 * One fixed-rate step of the benchmark.
 *
 * @param targetRate   events/s offered
 * @param achievedRate events/s the gateway accepted
 * @param alertLatency event time → alert on dlp-alerts
 * @param ingestLatency request sent → gateway acknowledged (after Kafka acks=all)
 * @param alertsMissing planted secrets whose alert did not arrive before the step's drain deadline
 * @param cpuPercent   process CPU of the stack (100 = one core)
 * @param rssMb        resident memory of the stack
 */
record StepResult(double targetRate, double achievedRate, LatencyStats.Summary alertLatency,
                  LatencyStats.Summary ingestLatency, long alertsMissing, double cpuPercent, double rssMb) {

    /** Sustained: the offered rate was delivered and alerts kept up within the latency budget. */
    boolean sustained(double p99BudgetMs) {
        return achievedRate >= 0.95 * targetRate && alertsMissing == 0 && alertLatency.count() > 0
                && alertLatency.p99() <= p99BudgetMs;
    }
}
