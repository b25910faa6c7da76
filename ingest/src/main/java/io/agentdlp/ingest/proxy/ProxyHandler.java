package io.agentdlp.ingest.proxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentdlp.detection.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxied request: inspect what it adds to the conversation, decide, then either answer with
 * the provider's own error or forward the original bytes and relay the response unbuffered.
 * Headers and bodies are never logged; credentials never reach an event.
 */
final class ProxyHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(ProxyHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Hop-by-hop headers and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");

    private final ProxyConfig config;
    private final UpstreamRouter router;
    private final HttpClient upstream;
    private final RequestInspector inspector;
    private final SeenBlocks seen;
    private final ProxyEventFactory events;
    private final ProxyEvents sink;
    private final ProxyMetrics metrics;

    ProxyHandler(ProxyConfig config, HttpClient upstream, RequestInspector inspector, SeenBlocks seen,
                 ProxyEventFactory events, ProxyEvents sink, ProxyMetrics metrics) {
        this.config = config;
        this.router = new UpstreamRouter(config.upstreams());
        this.upstream = upstream;
        this.inspector = inspector;
        this.seen = seen;
        this.events = events;
        this.sink = sink;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long t0 = System.nanoTime();
        String method = ex.getRequestMethod();
        URI uri = ex.getRequestURI();
        UpstreamRouter.Route route;
        try {
            route = router.route(uri.getRawPath(), uri.getRawQuery(), ex.getRequestHeaders());
        } catch (IllegalStateException e) {
            respond(ex, Provider.OTHER, 502, "agentdlp proxy: " + e.getMessage());
            return;
        }
        Provider provider = Provider.of(method, route.apiPath());
        try {
            if (!provider.inspected()) {
                forward(ex, route, ex.getRequestBody(), null);
                metrics.request(provider, "passthrough");
                return;
            }
            handleInspected(ex, route, provider, t0);
        } catch (ConnectException | HttpTimeoutException e) {
            log.warn("event=proxy_upstream_unreachable upstream={} error={}", route.target().getHost(), e.getClass().getSimpleName());
            metrics.request(provider, "upstream_error");
            respond(ex, provider, 502, "agentdlp proxy: upstream " + route.target().getHost() + " is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(ex, provider, 503, "agentdlp proxy: interrupted");
        } finally {
            ex.close();
        }
    }

    private void handleInspected(HttpExchange ex, UpstreamRouter.Route route, Provider provider, long t0)
            throws IOException, InterruptedException {
        InputStream in = ex.getRequestBody();
        byte[] body = in.readNBytes(config.maxInspectBytes() + 1);
        AgentIdentity agent = AgentIdentity.fromUserAgent(ex.getRequestHeaders().getFirst("User-Agent"));
        if (body.length > config.maxInspectBytes()) {
            // Too large to inspect whole: forward untouched, and say so rather than drop it silently.
            log.warn("event=proxy_uninspected reason=oversize provider={} limitBytes={}", provider, config.maxInspectBytes());
            metrics.request(provider, "uninspected");
            forward(ex, route, new SequenceInputStream(new ByteArrayInputStream(body), in), null);
            return;
        }
        JsonNode json;
        try {
            byte[] decoded = BodyDecoding.decode(body, ex.getRequestHeaders().getFirst("Content-Encoding"), config.maxInspectBytes());
            json = JSON.readTree(decoded);
            if (json == null || !json.isObject()) {
                throw new MalformedBodyException("request body is not a JSON object");
            }
        } catch (BodyDecoding.BodyTooLargeException e) {
            log.warn("event=proxy_uninspected reason=decoded_oversize provider={}", provider);
            metrics.request(provider, "uninspected");
            forward(ex, route, new ByteArrayInputStream(body), null);
            return;
        } catch (JsonProcessingException | MalformedBodyException e) {
            String why = e instanceof JsonProcessingException j
                    ? "request body is not valid JSON (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")"
                    : e.getMessage();
            if (config.rejectMalformedJson()) {
                metrics.request(provider, "rejected_malformed");
                respond(ex, provider, 400, "agentdlp proxy: " + why);
            } else {
                log.warn("event=proxy_uninspected reason=malformed provider={}", provider);
                metrics.request(provider, "uninspected");
                forward(ex, route, new ByteArrayInputStream(body), null);
            }
            return;
        } catch (IOException e) {
            metrics.request(provider, "rejected_encoding");
            respond(ex, provider, 400, "agentdlp proxy: cannot decode request body: " + e.getMessage());
            return;
        }

        List<ContentBlock> blocks = BlockExtractor.of(provider).blocks(json);
        String session = SessionKeys.of(ex.getRequestHeaders().getFirst("x-claude-code-session-id"), json, blocks);
        List<ContentBlock> fresh = new ArrayList<>();
        List<String> freshHashes = new ArrayList<>();
        Set<String> inThisRequest = new HashSet<>();
        for (ContentBlock b : blocks) {
            String h = SessionKeys.sha256(b.text());
            if (inThisRequest.add(h) && !seen.seen(session, h)) {
                fresh.add(b);
                freshHashes.add(h);
            }
        }
        metrics.blocks(fresh.size(), blocks.size() - fresh.size());
        Map<ContentBlock, List<Finding>> perBlock = inspector.scan(fresh);
        List<Finding> all = new ArrayList<>();
        perBlock.values().forEach(all::addAll);
        long freshBytes = fresh.stream().mapToLong(b -> b.text().getBytes(StandardCharsets.UTF_8).length).sum();
        String model = provider.model(route.apiPath(), json);
        InlineVerdict verdict = inspector.decide(all, agent, route.target().getHost(), route.target().toString(), model, freshBytes);
        metrics.inspected(System.nanoTime() - t0);

        ProxyEventFactory.RequestFacts facts = new ProxyEventFactory.RequestFacts(provider, session, agent.name(),
                agent.version(), model, route.target().getHost(),
                route.target().getScheme() + "://" + route.target().getRawAuthority() + route.target().getRawPath(),
                null, verdict);
        if (verdict.action() == InlineVerdict.Action.BLOCK) {
            publish(facts, perBlock, freshHashes);
            metrics.request(provider, "blocked");
            log.info("event=proxy_blocked provider={} session={} newBlocks={} findings={} policy_id={} policy_version={} policy_rule={}",
                    provider, session, fresh.size(), all.size(), verdict.policy().policyId(), verdict.policy().policyVersion(),
                    verdict.policy().ruleId());
            respond(ex, provider, ProviderErrors.BLOCKED, verdict.reason());
            return;
        }
        HttpResponse<InputStream> resp = send(ex, route, new ByteArrayInputStream(body));
        seen.remember(session, freshHashes);
        // published before the answer is relayed: once the agent has its answer, the events exist
        publish(facts.withRequestId(requestId(resp)), perBlock, freshHashes);
        relay(ex, resp, verdict);
        metrics.request(provider, verdict.action().name().toLowerCase(Locale.ROOT));
        log.info("event=proxy_forwarded provider={} session={} blocks={} newBlocks={} findings={} decision={} ms={}", provider,
                session, blocks.size(), fresh.size(), all.size(), verdict.action(), (System.nanoTime() - t0) / 1_000_000);
    }

    private void publish(ProxyEventFactory.RequestFacts facts, Map<ContentBlock, List<Finding>> perBlock, List<String> hashes) {
        int i = 0;
        for (Map.Entry<ContentBlock, List<Finding>> e : perBlock.entrySet()) {
            sink.publish(events.blockEvent(facts, e.getKey(), hashes.get(i++), e.getValue()));
        }
    }

    /** Sends the request upstream and relays the response. */
    private void forward(HttpExchange ex, UpstreamRouter.Route route, InputStream body, InlineVerdict verdict)
            throws IOException, InterruptedException {
        relay(ex, send(ex, route, body), verdict);
    }

    private HttpResponse<InputStream> send(HttpExchange ex, UpstreamRouter.Route route, InputStream body)
            throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(route.target());
        Headers in = ex.getRequestHeaders();
        for (Map.Entry<String, List<String>> h : in.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(name)) {
                continue;
            }
            for (String v : h.getValue()) {
                req.header(h.getKey(), v);
            }
        }
        boolean hasBody = in.containsKey("Content-Length") && !"0".equals(in.getFirst("Content-Length"))
                || in.containsKey("Transfer-Encoding");
        long length = parseLength(in.getFirst("Content-Length"));
        HttpRequest.BodyPublisher publisher = !hasBody ? HttpRequest.BodyPublishers.noBody()
                : length >= 0 ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length)
                : HttpRequest.BodyPublishers.ofInputStream(() -> body);
        req.method(ex.getRequestMethod(), publisher);
        return upstream.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static void relay(HttpExchange ex, HttpResponse<InputStream> resp, InlineVerdict verdict) throws IOException {
        Headers out = ex.getResponseHeaders();
        resp.headers().map().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!n.startsWith(":") && !NOT_FORWARDED.contains(n)) {
                values.forEach(v -> out.add(name, v));
            }
        });
        if (verdict != null && verdict.action() == InlineVerdict.Action.WARN) {
            out.add("X-Agentdlp-Warning", warning(verdict));
        }
        long respLength = resp.headers().firstValueAsLong("content-length").orElse(-1);
        boolean noBody = ex.getRequestMethod().equals("HEAD") || resp.statusCode() == 204 || resp.statusCode() == 304;
        ex.sendResponseHeaders(resp.statusCode(), noBody || respLength == 0 ? -1 : Math.max(respLength, 0));
        try (InputStream r = resp.body(); OutputStream o = ex.getResponseBody()) {
            byte[] buf = new byte[16 * 1024];
            int n;
            // relay as it arrives: a streamed (SSE) answer reaches the agent chunk by chunk
            while ((n = r.read(buf)) > 0) {
                o.write(buf, 0, n);
                o.flush();
            }
        }
    }

    /** Findings when there are any, else the policy rule that warned (ids only: a header carries no free text). */
    private static String warning(InlineVerdict v) {
        if (!v.findings().isEmpty()) {
            return "sensitive content recorded: " + v.findings().size() + " finding(s)";
        }
        var p = v.policy();
        return "policy " + p.policyId() + " v" + p.policyVersion() + " rule " + (p.ruleId() == null ? "default" : p.ruleId())
                + (v.askFallback() != null ? " asks for confirmation (recorded as a warning)" : " warns");
    }

    private static String requestId(HttpResponse<?> resp) {
        return resp.headers().firstValue("request-id").or(() -> resp.headers().firstValue("x-request-id")).orElse(null);
    }

    private static long parseLength(String v) {
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void respond(HttpExchange ex, Provider provider, int status, String message) throws IOException {
        byte[] b = ProviderErrors.body(provider, status, message);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    /** The body parsed but is not what the API expects. */
    private static final class MalformedBodyException extends Exception {
        MalformedBodyException(String message) {
            super(message);
        }
    }
}
