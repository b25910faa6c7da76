package io.agentdlp.ingest.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

import javax.net.ssl.SSLContext;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.normalize.AgentEventJson;

/**
 * Sends event batches to the ingest gateway: {@code POST <base>/v1/events}, agent-event/v1 JSON,
 * gzip, {@code Authorization: Bearer <token>}. A 200 means the gateway's Kafka acknowledged every
 * event. 429, 5xx, 401 and 403 are retried later (a token can be fixed, an outage ends); 400, 413
 * and 415 reject the batch for good.
 */
public final class GatewayEventPublisher implements EventPublisher {
    private final HttpClient client;
    private final URI eventsUri;
    private final String authorization;
    private final Duration requestTimeout;

    /**
     * @param baseUrl  gateway base URL, e.g. {@code https://dlp-gateway.acme.internal:8080}
     * @param token    this sensor's bearer token
     * @param ssl      TLS context (custom CA, client certificate for mTLS), or null for the JVM default
     */
    public GatewayEventPublisher(URI baseUrl, String token, SSLContext ssl, Duration requestTimeout) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.client = b.build();
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
        this.eventsUri = URI.create(base).resolve("v1/events");
        this.authorization = "Bearer " + token;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public CompletableFuture<Void> publish(List<AgentEgressEvent> events) {
        HttpRequest req = HttpRequest.newBuilder(eventsUri)
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(AgentEventJson.writeBatch(events))))
                .build();
        return client.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .handle((resp, error) -> {
                    if (error != null) {
                        throw new DeliveryException("gateway " + eventsUri.getHost() + " unreachable: " + error.getClass().getSimpleName(), error);
                    }
                    int status = resp.statusCode();
                    if (status == 200 || status == 204) {
                        return null;
                    }
                    String why = "gateway answered " + status + ": " + abbreviate(resp.body());
                    if (status == 400 || status == 413 || status == 415) {
                        throw new RejectedEventsException(why);
                    }
                    throw new DeliveryException(why, retryAfterMillis(resp), null);
                });
    }

    private static long retryAfterMillis(HttpResponse<?> resp) {
        return resp.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.trim()) * 1000;
            } catch (NumberFormatException e) {
                return -1L; // HTTP-date form: fall back to our own backoff
            }
        }).orElse(-1L);
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() <= 300 ? b : b.substring(0, 300) + "...";
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() on Java 17; its threads end when it is unreachable
    }

    @Override
    public String toString() {
        return "gateway:" + eventsUri.getHost() + ":" + eventsUri.getPort();
    }
}
