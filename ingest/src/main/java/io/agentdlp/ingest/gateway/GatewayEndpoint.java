package io.agentdlp.ingest.gateway;

import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.x500.X500Principal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.delivery.DeliveryException;
import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.delivery.RejectedEventsException;
import io.agentdlp.ingest.http.HttpProblem;
import io.agentdlp.ingest.http.RequestBodies;
import io.agentdlp.ingest.http.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common path of the gateway's ingest endpoints: POST only, authentication (bearer token, or
 * the client certificate under mTLS), bounded bytes in flight (503 + Retry-After beyond), bounded
 * and decompressed body (413), then the endpoint's own work, and publishing that answers only
 * after Kafka acknowledged.
 */
abstract class GatewayEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayEndpoint.class);

    final String name;
    final GatewayConfig config;
    final TokenStore tokens;
    final RateLimiter limiter;
    final EventPublisher kafka;
    final GatewayMetrics metrics;

    GatewayEndpoint(String name, GatewayConfig config, TokenStore tokens, RateLimiter limiter, EventPublisher kafka,
                    GatewayMetrics metrics) {
        this.name = name;
        this.config = config;
        this.tokens = tokens;
        this.limiter = limiter;
        this.kafka = kafka;
        this.metrics = metrics;
    }

    @Override
    public final void handle(HttpExchange ex) throws IOException {
        long reserved = 0;
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                throw new HttpProblem(405, "method_not_allowed", "use POST");
            }
            SensorPrincipal who = authenticate(ex, tokens, config);
            checkContentType(ex.getRequestHeaders().getFirst("Content-Type"));
            reserved = reserve(ex);
            byte[] body = RequestBodies.read(ex, config.maxBodyBytes());
            process(ex, who, body);
        } catch (HttpProblem p) {
            metrics.rejected(p.reason());
            metrics.request(name, p.status());
            Responses.problem(ex, p);
        } finally {
            if (reserved > 0) {
                metrics.inFlightBytes.addAndGet(-reserved);
            }
        }
    }

    /** Checks the media type; throws 415 when the endpoint does not accept it. */
    abstract void checkContentType(String contentType) throws HttpProblem;

    /** Parses, publishes and answers (status 200 on success). */
    abstract void process(HttpExchange ex, SensorPrincipal who, byte[] body) throws HttpProblem, IOException;

    /** The sender of a request: its bearer token, or its client certificate under mTLS; 401 otherwise. */
    static SensorPrincipal authenticate(HttpExchange ex, TokenStore tokens, GatewayConfig config) throws HttpProblem {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            SensorPrincipal p = tokens.authenticate(auth.substring(7));
            if (p == null) {
                throw new HttpProblem(401, "bad_token", "unknown or revoked token");
            }
            return p;
        }
        if (config.requireClientCert() && ex instanceof HttpsExchange https) {
            String cn = clientCn(https);
            if (cn != null) {
                return new SensorPrincipal("cert:" + cn, cn, config.defaultRate(), config.defaultBurst());
            }
        }
        throw new HttpProblem(401, "unauthenticated", "missing Authorization: Bearer <token>");
    }

    private static String clientCn(HttpsExchange ex) {
        try {
            Certificate[] chain = ex.getSSLSession().getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x) {
                String dn = x.getSubjectX500Principal().getName(X500Principal.RFC2253);
                for (String rdn : dn.split(",")) {
                    if (rdn.startsWith("CN=")) {
                        return rdn.substring(3);
                    }
                }
            }
        } catch (SSLPeerUnverifiedException e) {
            return null; // no verified client certificate: fall through to 401
        }
        return null;
    }

    private long reserve(HttpExchange ex) throws HttpProblem {
        String len = ex.getRequestHeaders().getFirst("Content-Length");
        long bytes;
        try {
            bytes = len == null ? config.maxBodyBytes() : Math.max(1, Long.parseLong(len.trim()));
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "bad_request", "Content-Length is not a number");
        }
        bytes = Math.min(bytes, config.maxBodyBytes());
        long now = metrics.inFlightBytes.addAndGet(bytes);
        if (now > config.maxInFlightBytes() && now != bytes) {
            metrics.inFlightBytes.addAndGet(-bytes);
            throw new HttpProblem(503, "overloaded", "gateway busy: too many bytes in flight, retry later", 1);
        }
        return bytes;
    }

    /** Rate limit, then publish and wait for Kafka's acknowledgement. */
    void publish(SensorPrincipal who, List<AgentEgressEvent> events) throws HttpProblem {
        if (events.isEmpty()) {
            return;
        }
        long wait = limiter.acquire(who, events.size());
        if (wait > 0) {
            throw new HttpProblem(429, "rate_limited", "rate limit of " + who.ratePerSec() + " events/s exceeded for this token", wait);
        }
        long start = System.nanoTime();
        try {
            kafka.publish(events).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            metrics.ack(Duration.ofNanos(System.nanoTime() - start));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RejectedEventsException r) {
                throw new HttpProblem(400, "kafka_rejected", r.getMessage());
            }
            LOG.warn("event=kafka_publish_failed endpoint={} events={} error={}", name, events.size(),
                    e.getCause() instanceof DeliveryException ? e.getCause().getMessage() : String.valueOf(e.getCause()));
            throw new HttpProblem(503, "kafka_unavailable", "Kafka did not acknowledge; retry later", 5);
        } catch (TimeoutException e) {
            throw new HttpProblem(503, "kafka_timeout", "Kafka did not acknowledge within " + config.ackTimeout().toSeconds() + " s; retry later", 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpProblem(503, "shutting_down", "gateway shutting down; retry later", 5);
        }
    }
}
