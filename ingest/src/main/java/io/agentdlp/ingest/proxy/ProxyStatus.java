package io.agentdlp.ingest.proxy;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.ingest.http.Responses;

/**
 * {@code GET /agentdlp/status}: the proxy is up and which access policy version it enforces, where
 * it came from and the gateway sync state ({@code {"status":"up","policy":{…}}}). The path is the
 * proxy's own: no provider API lives under {@code /agentdlp/}, so it never shadows a forwarded path.
 */
final class ProxyStatus implements HttpHandler {
    static final String PATH = "/agentdlp/status";

    private final Supplier<String> policyJson;

    ProxyStatus(Supplier<String> policyJson) {
        this.policyJson = policyJson;
    }

    /** The status of a policy the caller keeps current in process (no file, cache or sync of the proxy's own). */
    static String inProcess(PolicyEngine engine) {
        PolicyDocument d = engine.document();
        return "{\"id\":\"" + Responses.quote(d.id()) + "\",\"version\":" + d.version() + ",\"rules\":" + d.rules().size()
                + ",\"default\":\"" + d.defaultEffect().name().toLowerCase(Locale.ROOT) + "\",\"origin\":\"in-process\"}";
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!Responses.isGetOf(ex, PATH)) {
                return;
            }
            Responses.json(ex, 200, "{\"status\":\"up\",\"policy\":" + policyJson.get() + "}");
        }
    }
}
