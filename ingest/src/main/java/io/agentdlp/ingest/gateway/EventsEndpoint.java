package io.agentdlp.ingest.gateway;

import java.io.IOException;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.http.HttpProblem;
import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.normalize.AgentEventJson;
import io.agentdlp.ingest.normalize.NormalizationException;

/**
 * {@code POST /v1/events}: a JSON batch of agent-event/v1 events from a sensor or proxy. The whole
 * batch is validated first (400 naming the first bad field, 403 naming the field whose identity does
 * not match the token's binding; nothing published), then published;
 * {@code 200 {"accepted":n}} only after Kafka acknowledged every event.
 */
final class EventsEndpoint extends GatewayEndpoint {
    EventsEndpoint(GatewayConfig config, TokenStore tokens, RateLimiter limiter, EventPublisher kafka, GatewayMetrics metrics) {
        super("events", config, tokens, limiter, kafka, metrics);
    }

    @Override
    void checkContentType(String contentType) throws HttpProblem {
        String base = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        if (!base.equalsIgnoreCase("application/json")) {
            throw new HttpProblem(415, "unsupported_media_type", "Content-Type must be application/json");
        }
    }

    @Override
    void process(HttpExchange ex, SensorPrincipal who, byte[] body) throws HttpProblem, IOException {
        List<AgentEgressEvent> events;
        try {
            events = AgentEventJson.readBatch(body);
        } catch (NormalizationException e) {
            throw new HttpProblem(400, "malformed", e.getMessage());
        }
        BoundIdentity.enforce(who, events);
        publish(who, events);
        metrics.accepted(name, events.size(), body.length);
        metrics.request(name, 200);
        Responses.json(ex, 200, "{\"accepted\":" + events.size() + "}");
    }
}
