package io.agentdlp.alerts.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Every meter of the alerts service, on one Prometheus registry (served at {@code /metrics}). Tags
 * carry only bounded, non-sensitive values: severity, detector, sink name, action, outcome.
 */
public final class AlertsMetrics {
    private final PrometheusMeterRegistry registry;
    private final ConcurrentHashMap<String, SinkMeters> sinks = new ConcurrentHashMap<>();
    private final AtomicInteger sseClients = new AtomicInteger();

    public AlertsMetrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("agentdlp.alerts.console.sse.clients", sseClients, AtomicInteger::get)
                .description("Browsers connected to the live feed").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    /** One alert record read from dlp-alerts (new alert or update). */
    public void alertReceived(String severity, String detector) {
        Counter.builder("agentdlp.alerts.received").description("Alert records read from dlp-alerts")
                .tag("severity", severity).tag("detector", detector).register(registry).increment();
    }

    /** A record that could not be decoded. */
    public void recordUndecodable(String topic) {
        Counter.builder("agentdlp.alerts.undecodable").description("Records the console could not decode")
                .tag("topic", topic).register(registry).increment();
    }

    /** Registers the gauge of alerts held by the console. */
    public void storeSize(Supplier<Number> size) {
        Gauge.builder("agentdlp.alerts.store.alerts", size).description("Alerts held in the console view")
                .strongReference(true).register(registry);
    }

    /** A triage action was applied. */
    public void triage(String action) {
        Counter.builder("agentdlp.alerts.triage.actions").description("Triage actions applied")
                .tag("action", action).register(registry).increment();
    }

    /** A login attempt ended. */
    public void login(String outcome) {
        Counter.builder("agentdlp.alerts.console.logins").description("Console login attempts")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** An audit event could not be written to dlp-audit. */
    public void auditFailed() {
        Counter.builder("agentdlp.alerts.audit.failures").description("Audit events that could not be published")
                .register(registry).increment();
    }

    /** An HTTP request ended. */
    public void httpRequest(String method, int status) {
        Counter.builder("agentdlp.alerts.console.requests").description("Console HTTP requests")
                .tag("method", method).tag("status", Integer.toString(status)).register(registry).increment();
    }

    /** Live-feed connection count. */
    public AtomicInteger sseClients() {
        return sseClients;
    }

    /** Meters of one sink (created on first use). */
    public SinkMeters sink(String name, String type) {
        return sinks.computeIfAbsent(name, n -> new SinkMeters(registry, n, type));
    }
}
