package io.agentdlp.ingest.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * Settings of the ingest gateway.
 *
 * @param host             bind address
 * @param port             port (8080; 0 picks a free port)
 * @param tokensFile       hashed bearer tokens (see {@link TokenStore}); re-read on change
 * @param ssl              TLS context, or null for plain HTTP (behind a TLS-terminating proxy)
 * @param requireClientCert mTLS: the TLS handshake requires a client certificate from the context's trust store;
 *                          requests without a bearer token are then identified by the certificate's CN
 * @param maxBodyBytes     largest request body (as sent and after gzip inflation) → 413 above
 * @param maxInFlightBytes request bytes being processed at once → 503 + Retry-After above
 * @param ackTimeout       longest wait for Kafka's acknowledgement → 503 after
 * @param threads          request threads
 * @param defaultRate      events/s per token unless its line says otherwise
 * @param defaultBurst     burst per token unless its line says otherwise
 */
public record GatewayConfig(String host, int port, Path tokensFile, SSLContext ssl, boolean requireClientCert,
                            long maxBodyBytes, long maxInFlightBytes, Duration ackTimeout, int threads,
                            double defaultRate, long defaultBurst) {
    /** Default port. */
    public static final int PORT = 8080;

    public GatewayConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokensFile, "tokensFile");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (requireClientCert && ssl == null) {
            throw new IllegalArgumentException("client certificates need TLS: configure a key store");
        }
    }

    /** Plain HTTP on 0.0.0.0:8080, 16 MiB bodies, 256 MiB in flight, 30 s ack timeout, 2,000 events/s per token. */
    public static GatewayConfig defaults(Path tokensFile) {
        return new GatewayConfig("0.0.0.0", PORT, tokensFile, null, false, 16L << 20, 256L << 20,
                Duration.ofSeconds(30), 16, 2000, 20_000);
    }

    public GatewayConfig withAddress(String h, int p) {
        return new GatewayConfig(h, p, tokensFile, ssl, requireClientCert, maxBodyBytes, maxInFlightBytes, ackTimeout, threads,
                defaultRate, defaultBurst);
    }

    public GatewayConfig withLimits(long body, long inFlight) {
        return new GatewayConfig(host, port, tokensFile, ssl, requireClientCert, body, inFlight, ackTimeout, threads,
                defaultRate, defaultBurst);
    }

    public GatewayConfig withTls(SSLContext context, boolean clientCert) {
        return new GatewayConfig(host, port, tokensFile, context, clientCert, maxBodyBytes, maxInFlightBytes, ackTimeout, threads,
                defaultRate, defaultBurst);
    }

    public GatewayConfig withRate(double rate, long burst) {
        return new GatewayConfig(host, port, tokensFile, ssl, requireClientCert, maxBodyBytes, maxInFlightBytes, ackTimeout, threads,
                rate, burst);
    }

    public GatewayConfig withThreads(int n) {
        return new GatewayConfig(host, port, tokensFile, ssl, requireClientCert, maxBodyBytes, maxInFlightBytes, ackTimeout, n,
                defaultRate, defaultBurst);
    }
}
