package io.agentdlp.ingest.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.ingest.http.HttpProblem;
import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.policy.PolicyBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/policies/<id>}: the latest version of a policy for the requesting sensor, as a
 * {@link PolicyBundle} with the subject its credential is bound to. The entity tag names the
 * version and the subject; a matching {@code If-None-Match} answers 304, so sensors poll cheaply.
 */
final class PoliciesEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PoliciesEndpoint.class);
    static final String PATH = "/v1/policies";

    private final GatewayConfig config;
    private final TokenStore tokens;
    private final PolicyFeed feed;
    private final GatewayMetrics metrics;

    PoliciesEndpoint(GatewayConfig config, TokenStore tokens, PolicyFeed feed, GatewayMetrics metrics) {
        this.config = config;
        this.tokens = tokens;
        this.feed = feed;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            if (!"GET".equals(ex.getRequestMethod())) {
                throw new HttpProblem(405, "method_not_allowed", "use GET");
            }
            SensorPrincipal who = GatewayEndpoint.authenticate(ex, tokens, config);
            String path = ex.getRequestURI().getPath();
            String id = path.length() <= PATH.length() + 1 ? "" : path.substring(PATH.length() + 1);
            if (id.isEmpty() || id.contains("/")) {
                throw new HttpProblem(404, "not_found", "use GET " + PATH + "/<policy id>, e.g. " + PATH + "/default");
            }
            if (feed == null) {
                throw new HttpProblem(503, "policies_unavailable", "this gateway does not distribute policies (no policies topic configured)", 30);
            }
            PolicyDocument doc = feed.get(id);
            if (doc == null) {
                throw new HttpProblem(404, "no_such_policy", "no policy '" + id + "' on " + feed.topic() + " (push one with: agentdlp policy push)");
            }
            PolicyBundle bundle = new PolicyBundle(doc, who.subject());
            String etag = bundle.etag();
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            String presented = ex.getRequestHeaders().getFirst("If-None-Match");
            if (etag.equals(presented)) {
                metrics.request("policies", 304);
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            metrics.request("policies", 200);
            Responses.send(ex, 200, "application/json", bundle.render().getBytes(StandardCharsets.UTF_8));
            LOG.debug("event=policy_served policy_id={} version={} principal={}", doc.id(), doc.version(), who.name());
        } catch (HttpProblem p) {
            metrics.request("policies", p.status());
            Responses.problem(ex, p);
        }
    }
}
