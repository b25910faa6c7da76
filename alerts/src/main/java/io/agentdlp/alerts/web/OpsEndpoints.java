package io.agentdlp.alerts.web;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.metrics.AlertsMetrics;

/**
 * {@code /healthz} (the process serves and its Kafka reader runs), {@code /readyz} (the view has caught up with the topics, so
 * the console shows complete data) and {@code /metrics} (Prometheus text; public or admin-only).
 */
final class OpsEndpoints {
    private final BooleanSupplier healthy;
    private final BooleanSupplier ready;
    private final AlertsMetrics metrics;
    private final boolean metricsPublic;

    OpsEndpoints(BooleanSupplier healthy, BooleanSupplier ready, AlertsMetrics metrics, boolean metricsPublic) {
        this.healthy = healthy;
        this.ready = ready;
        this.metrics = metrics;
        this.metricsPublic = metricsPublic;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/healthz", null, false, this::health),
                new Route("GET", "/readyz", null, false, this::ready),
                new Route("GET", "/metrics", metricsPublic ? null : Role.ADMIN, false, r -> Responses.text(r.exchange(),
                        200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())));
    }

    private void health(WebRequest r) throws IOException {
        boolean ok = healthy.getAsBoolean();
        Responses.text(r.exchange(), ok ? 200 : 503, "text/plain", ok ? "ok\n" : "feed consumer stopped\n");
    }

    private void ready(WebRequest r) throws IOException {
        boolean ok = ready.getAsBoolean();
        Responses.text(r.exchange(), ok ? 200 : 503, "text/plain", ok ? "ready\n" : "catching up\n");
    }
}
