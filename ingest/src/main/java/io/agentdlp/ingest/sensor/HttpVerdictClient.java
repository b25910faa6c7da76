package io.agentdlp.ingest.sensor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Finding;
import io.agentdlp.ingest.normalize.AgentEventJson;
import io.agentdlp.ingest.normalize.NormalizationException;

/**
 * Calls the topology's verdict endpoint: {@code POST <url>} with the agent-event/v1 batch
 * {@code {"events":[...]}}; expects {@code {"verdict":"allow|warn|deny","reason":"...","findings":[...]}}
 * (findings in the agent-event/v1 finding shape). Any other answer, a timeout or a connection
 * error raises {@link VerdictUnavailableException}.
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
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(AgentEventJson.writeBatch(events)));
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
            JsonNode root = JSON.readTree(resp.body());
            String verdict = root.hasNonNull("verdict") ? root.get("verdict").asText() : null;
            String reason = root.hasNonNull("reason") ? root.get("reason").asText() : null;
            List<Finding> findings = new ArrayList<>();
            JsonNode fs = root.get("findings");
            if (fs != null && fs.isArray()) {
                findings.addAll(AgentEventJson.readFindings(fs, "findings"));
            }
            return new RemoteVerdict(verdict, reason, findings);
        } catch (IOException | NormalizationException e) {
            throw new VerdictUnavailableException("bad_answer", "verdict service answer unreadable: " + e.getMessage(), e);
        }
    }
}
