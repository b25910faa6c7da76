package io.agentdlp.ingest.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentdlp.ingest.http.Responses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /agentdlp/metrics}: the proxy's meters in Prometheus text. Under {@code /agentdlp/} like the
 * status page, so it never shadows a provider path the proxy forwards.
 */
final class ProxyMetricsPage implements HttpHandler {
    static final String PATH = "/agentdlp/metrics";

    private final PrometheusMeterRegistry registry;

    ProxyMetricsPage(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!Responses.isGetOf(ex, PATH)) {
                return;
            }
            Responses.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape().getBytes(StandardCharsets.UTF_8));
        }
    }
}
