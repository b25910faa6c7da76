package io.agentdlp.alerts.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Delivery meters of one sink, tagged {@code sink=<name>} and {@code type=<type>}. */
public final class SinkMeters {
    private final Counter delivered;
    private final Counter retryableFailures;
    private final Counter permanentFailures;
    private final Counter deadLettered;
    private final Counter filtered;
    private final Timer latency;
    private final AtomicInteger pending = new AtomicInteger();

    SinkMeters(MeterRegistry r, String name, String type) {
        delivered = Counter.builder("agentdlp.alerts.sink.delivered").description("Alerts accepted by the sink's destination")
                .tag("sink", name).tag("type", type).register(r);
        retryableFailures = Counter.builder("agentdlp.alerts.sink.failures").description("Failed delivery attempts per alert")
                .tag("sink", name).tag("type", type).tag("kind", "retryable").register(r);
        permanentFailures = Counter.builder("agentdlp.alerts.sink.failures").description("Failed delivery attempts per alert")
                .tag("sink", name).tag("type", type).tag("kind", "permanent").register(r);
        deadLettered = Counter.builder("agentdlp.alerts.sink.dead.lettered").description("Alerts given up on and sent to the dead-letter topic")
                .tag("sink", name).tag("type", type).register(r);
        filtered = Counter.builder("agentdlp.alerts.sink.filtered").description("Alerts not sent because of the sink's filters")
                .tag("sink", name).tag("type", type).register(r);
        latency = Timer.builder("agentdlp.alerts.sink.delivery").description("Duration of one delivery call (a batch)")
                .tag("sink", name).tag("type", type).publishPercentileHistogram().register(r);
        Gauge.builder("agentdlp.alerts.sink.pending", pending, AtomicInteger::get).description("Alerts read but not yet delivered")
                .tag("sink", name).tag("type", type).register(r);
    }

    public void delivered(int n) {
        delivered.increment(n);
    }

    public void failed(int n, boolean retryable) {
        (retryable ? retryableFailures : permanentFailures).increment(n);
    }

    public void deadLettered(int n) {
        deadLettered.increment(n);
    }

    public void filtered() {
        filtered.increment();
    }

    public void latency(Duration d) {
        latency.record(d);
    }

    public void pending(int n) {
        pending.set(n);
    }

    public double deliveredCount() {
        return delivered.count();
    }

    public double deadLetteredCount() {
        return deadLettered.count();
    }

    public double failureCount() {
        return retryableFailures.count() + permanentFailures.count();
    }

    public int pendingCount() {
        return pending.get();
    }
}
