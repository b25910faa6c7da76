package io.agentdlp.topology.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the instance that owns a session (its {@code application.server}, from Kafka Streams' key
 * metadata) for the session's summary or timeline and relays the answer, so a caller can ask any
 * instance. A forwarded request carries {@link #HEADER}; an instance receiving one never forwards
 * again (no loops while two instances disagree about ownership during a rebalance).
 */
final class SessionForwarder {
    /** Marks a request one instance forwarded to another. */
    static final String HEADER = "X-Agentdlp-Forwarded";
    private static final Logger log = LoggerFactory.getLogger(SessionForwarder.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The owner's answer: status, content type and body, relayed unchanged. */
    record Answer(int status, String contentType, byte[] body) {
    }

    static boolean wasForwarded(HttpExchange h) {
        return h.getRequestHeaders().containsKey(HEADER);
    }

    Answer fetch(URI owner) {
        HttpRequest req = HttpRequest.newBuilder(owner).timeout(TIMEOUT).header(HEADER, "1").GET().build();
        try {
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"), r.body());
        } catch (IOException e) {
            log.warn("event=session_forward_failed owner={}:{} exception={}", owner.getHost(), owner.getPort(),
                    e.getClass().getName());
            throw new HttpApiException(502, "the instance owning the session (" + owner.getHost() + ":" + owner.getPort()
                    + ") did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpApiException(503, "interrupted while asking the instance owning the session");
        }
    }
}
