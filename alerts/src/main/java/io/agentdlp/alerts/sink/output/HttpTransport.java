package io.agentdlp.alerts.sink.output;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.agentdlp.alerts.sink.SinkException;

/**
 * POSTs sink payloads with the JDK HTTP client and classifies failures: connection errors, timeouts,
 * 408, 429 and 5xx are retryable; other 4xx are not (a retry would fail the same way). Error messages
 * name only scheme, host and port: webhook URLs and headers often embed credentials.
 */
public final class HttpTransport {
    private final HttpClient client;
    private final Duration timeout;

    public HttpTransport(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POSTs and returns the response when its status is 2xx. */
    public HttpResponse<String> post(URI uri, Map<String, String> headers, String contentType, byte[] body)
            throws SinkException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        HttpResponse<String> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SinkException("POST " + origin(uri) + " failed: " + e.getClass().getSimpleName(), true, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("POST " + origin(uri) + " interrupted", true, null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        Duration retryAfter = response.headers().firstValue("Retry-After").map(HttpTransport::seconds).orElse(null);
        throw new SinkException("POST " + origin(uri) + " status=" + status, retryable, retryAfter, null);
    }

    /** {@code scheme://host:port} of a URI: safe to log. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static Duration seconds(String v) {
        try {
            long s = Long.parseLong(v.trim());
            return s >= 0 ? Duration.ofSeconds(s) : null;
        } catch (NumberFormatException e) {
            // An HTTP-date Retry-After: fall back to the sink's own backoff.
            return null;
        }
    }
}
