package io.agentdlp.ingest.gateway;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.http.HttpProblem;
import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.OtelLogNormalizer;
import io.agentdlp.ingest.normalize.OtelNormalization;
import io.agentdlp.ingest.otlp.OtlpDecodeException;
import io.agentdlp.ingest.otlp.OtlpEncoding;
import io.agentdlp.ingest.otlp.OtlpLogsCodec;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/**
 * {@code POST /v1/logs}: OTLP/HTTP logs (protobuf or JSON, gzip) straight from agents. Records are
 * normalized with the device bound to the credential; unusable records are reported as OTLP
 * partial success; the reply (in the request's encoding) follows Kafka's acknowledgement.
 */
final class LogsEndpoint extends GatewayEndpoint {
    private final OtelLogNormalizer normalizer;

    LogsEndpoint(GatewayConfig config, TokenStore tokens, RateLimiter limiter, EventPublisher kafka, GatewayMetrics metrics,
                 OtelLogNormalizer normalizer) {
        super("logs", config, tokens, limiter, kafka, metrics);
        this.normalizer = normalizer;
    }

    @Override
    void checkContentType(String contentType) throws HttpProblem {
        if (OtlpEncoding.fromContentType(contentType) == null) {
            throw new HttpProblem(415, "unsupported_media_type", "Content-Type must be application/x-protobuf or application/json");
        }
    }

    @Override
    void process(HttpExchange ex, SensorPrincipal who, byte[] body) throws HttpProblem, IOException {
        OtlpEncoding enc = OtlpEncoding.fromContentType(ex.getRequestHeaders().getFirst("Content-Type"));
        ExportLogsServiceRequest req;
        try {
            req = OtlpLogsCodec.decode(body, enc);
        } catch (OtlpDecodeException e) {
            throw new HttpProblem(400, "malformed", e.getMessage());
        }
        String device = who.deviceId() != null ? who.deviceId() : who.name();
        OtelNormalization out = normalizer.normalize(req, new DeviceContext(device, null, null, null, null));
        publish(who, out.events());
        metrics.accepted(name, out.events().size(), body.length);
        if (out.rejected() > 0) {
            metrics.partial(out.rejected());
        }
        metrics.request(name, 200);
        Responses.send(ex, 200, enc.mediaType(),
                OtlpLogsCodec.encodeResponse(enc, out.rejected(), out.rejected() == 0 ? null : String.join("; ", out.errors())));
    }
}
