package io.agentdlp.ingest.sensor;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentdlp.ingest.http.HttpProblem;
import io.agentdlp.ingest.http.RequestBodies;
import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.normalize.OtelLogNormalizer;
import io.agentdlp.ingest.normalize.OtelNormalization;
import io.agentdlp.ingest.otlp.OtlpDecodeException;
import io.agentdlp.ingest.otlp.OtlpEncoding;
import io.agentdlp.ingest.otlp.OtlpLogsCodec;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/**
 * The sensor's local OTLP/HTTP logs receiver ({@code POST /v1/logs}, protobuf or JSON, optionally
 * gzip): normalizes the agents' telemetry and spools it. Replies in the request's encoding, with
 * partial success when some records were unusable and 503 + Retry-After when the spool is full.
 */
final class SensorOtlpEndpoint implements HttpHandler {
    private final SensorIdentity identity;
    private final boolean requireToken;
    private final OtelLogNormalizer normalizer;
    private final SensorPipeline pipeline;
    private final SensorActivity activity;
    private final long maxBytes;

    SensorOtlpEndpoint(SensorIdentity identity, boolean requireToken, OtelLogNormalizer normalizer, SensorPipeline pipeline,
                       SensorActivity activity, long maxBytes) {
        this.identity = identity;
        this.requireToken = requireToken;
        this.normalizer = normalizer;
        this.pipeline = pipeline;
        this.activity = activity;
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                throw new HttpProblem(405, "method_not_allowed", "use POST");
            }
            if (requireToken && !identity.tokenMatches(ex.getRequestHeaders().getFirst(SensorConfig.TOKEN_HEADER))) {
                throw new HttpProblem(401, "unauthenticated", "missing or wrong " + SensorConfig.TOKEN_HEADER + " header");
            }
            OtlpEncoding enc = OtlpEncoding.fromContentType(ex.getRequestHeaders().getFirst("Content-Type"));
            if (enc == null) {
                throw new HttpProblem(415, "unsupported_media_type", "Content-Type must be application/x-protobuf or application/json");
            }
            byte[] body = RequestBodies.read(ex, maxBytes);
            ExportLogsServiceRequest req;
            try {
                req = OtlpLogsCodec.decode(body, enc);
            } catch (OtlpDecodeException e) {
                throw new HttpProblem(400, "malformed", e.getMessage());
            }
            OtelNormalization out = normalizer.normalize(req);
            if (!pipeline.telemetry(out.events())) {
                throw new HttpProblem(503, "spool_full", "the sensor's spool is full; retry later", 30);
            }
            activity.otlpRecords.addAndGet(out.events().size());
            activity.otlpRejected.addAndGet(out.rejected());
            Responses.send(ex, 200, enc.mediaType(),
                    OtlpLogsCodec.encodeResponse(enc, out.rejected(), out.rejected() == 0 ? null : String.join("; ", out.errors())));
        } catch (HttpProblem p) {
            activity.badRequests.incrementAndGet();
            Responses.problem(ex, p);
        }
    }
}
