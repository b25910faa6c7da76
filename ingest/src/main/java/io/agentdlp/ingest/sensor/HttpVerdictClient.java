package io.agentdlp.ingest.sensor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;
import io.agentdlp.ingest.normalize.ContentFactory;

/**
 * Calls the topology's {@code POST /v1/verdict} (one request per event with text: {@code text},
 * {@code destination}, {@code command}, {@code tool_input}, session, device, user, agent, tool,
 * repository, file) and folds the answers: the strictest {@code decision}, the redacted
 * {@code findings}, own-code {@code code_matches} as {@code code-fingerprint} findings, and the
 * policy's reason. Any non-200 answer, timeout or connection error raises
 * {@link VerdictUnavailableException}; the remaining budget shrinks with each request.
 */
public final class HttpVerdictClient implements VerdictService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final URI url;
    private final String authorization;

    /** @param token bearer token for the service, or null */
    public HttpVerdictClient(URI url, String token) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        this.url = url;
        this.authorization = token == null ? null : "Bearer " + token;
    }

    @Override
    public RemoteVerdict verdict(List<AgentEgressEvent> events, Duration timeout) throws VerdictUnavailableException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String decision = null;
        List<String> reasons = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (AgentEgressEvent e : events) {
            String text = e.getContent() == null ? null : e.getContent().getText();
            if (text == null && (e.getTool() == null || e.getTool().getInputJson() == null)) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new VerdictUnavailableException("timeout", "verdict budget of " + timeout.toMillis() + " ms used up", null);
            }
            JsonNode answer = call(request(e, text), Duration.ofNanos(left));
            decision = stricter(decision, answer.path("decision").asText(null));
            String field = e.getContent() == null ? null : e.getContent().getField();
            for (JsonNode f : answer.path("findings")) {
                findings.add(new Finding(f.path("detector").asText("secret"), f.path("rule").asText("unknown"),
                        severity(f.path("severity").asText(null)), 1.0, f.path("preview").asText(""), f.path("hash").asText(""),
                        field, f.hasNonNull("line") ? f.get("line").asInt() : null, f.hasNonNull("column") ? f.get("column").asInt() : null,
                        null, null));
            }
            for (JsonNode m : answer.path("code_matches")) {
                String where = m.path("repo").asText("?") + ":" + m.path("source_path").asText("?");
                findings.add(new Finding("code-fingerprint", "own-code", severity(m.path("severity").asText(null)),
                        m.path("similarity").asDouble(1.0), where,
                        ContentFactory.sha256Hex(where.getBytes(StandardCharsets.UTF_8)), field, null, null, null, null));
                reasons.add("own code from " + where);
            }
            JsonNode policy = answer.path("policy");
            if (policy.hasNonNull("reason") && !"allow".equalsIgnoreCase(policy.path("effect").asText())) {
                reasons.add(policy.get("reason").asText());
            }
        }
        return new RemoteVerdict(decision, reasons.isEmpty() ? null : String.join("; ", reasons), findings);
    }

    private static ObjectNode request(AgentEgressEvent e, String text) {
        ObjectNode r = JSON.createObjectNode();
        r.put("text", text != null ? text : e.getTool().getInputJson());
        if (e.getDestination() != null) {
            r.put("destination", e.getDestination().getUrl() != null ? e.getDestination().getUrl() : e.getDestination().getHost());
        }
        if (e.getTool() != null) {
            r.put("tool_name", e.getTool().getName());
            r.put("tool_category", e.getTool().getCategory().name());
            if (e.getTool().getInputJson() != null) {
                r.put("tool_input", e.getTool().getInputJson());
            }
            if (e.getTool().getMcpServer() != null) {
                r.put("mcp_server", e.getTool().getMcpServer());
            }
            if (e.getTool().getCategory() == io.agentdlp.avro.ToolCategory.shell && text != null) {
                r.put("command", text);
            }
        }
        r.put("session_id", e.getSessionId());
        r.put("device_id", e.getDevice().getId());
        r.put("user_id", e.getUser().getId());
        r.put("user_email", e.getUser().getEmail());
        r.put("agent_name", e.getAgent().getName());
        r.put("agent_version", e.getAgent().getVersion());
        r.put("repo_remote", e.getRepo() == null ? null : e.getRepo().getRemote());
        r.put("file_path", e.getFilePath());
        return r;
    }

    private JsonNode call(ObjectNode body, Duration timeout) throws VerdictUnavailableException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<byte[]> resp;
        try {
            resp = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new VerdictUnavailableException("timeout", "verdict service did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new VerdictUnavailableException("unreachable", "verdict service unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerdictUnavailableException("interrupted", "interrupted while waiting for the verdict service", e);
        }
        if (resp.statusCode() != 200) {
            throw new VerdictUnavailableException("status_" + resp.statusCode(), "verdict service answered " + resp.statusCode(), null);
        }
        try {
            return JSON.readTree(resp.body());
        } catch (IOException e) {
            throw new VerdictUnavailableException("bad_answer", "verdict service answer is not JSON", e);
        }
    }

    private static String stricter(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(String d) {
        if (d == null) {
            return -1;
        }
        return switch (d.toLowerCase(java.util.Locale.ROOT)) {
            case "deny" -> 2;
            case "warn" -> 1;
            default -> 0;
        };
    }

    private static Severity severity(String s) {
        if (s == null) {
            return Severity.MEDIUM;
        }
        try {
            return Severity.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Severity.MEDIUM; // an unknown level from a newer service counts as medium
        }
    }
}
