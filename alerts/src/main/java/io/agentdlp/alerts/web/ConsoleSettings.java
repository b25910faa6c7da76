package io.agentdlp.alerts.web;

import java.nio.file.Path;
import java.time.Duration;

/**
 * HTTP settings of the console.
 *
 * @param host             bind address
 * @param port             port (0 picks a free one)
 * @param keystore         PKCS#12 keystore for HTTPS, or null for plain HTTP
 * @param keystorePassword keystore password, or null
 * @param secureCookies    mark cookies Secure even over plain HTTP (console behind a TLS proxy)
 * @param hsts             send Strict-Transport-Security (implied by TLS)
 * @param publicOrigin     origin browsers use through a proxy, e.g. {@code https://dlp.example.com}, or null
 * @param metricsPublic    serve /metrics without authentication
 * @param maxStreams       most concurrent live-feed connections
 * @param sessionIdle      session idle timeout
 * @param sessionMaxAge    session absolute lifetime
 */
public record ConsoleSettings(String host, int port, Path keystore, String keystorePassword, boolean secureCookies,
                              boolean hsts, String publicOrigin, boolean metricsPublic, int maxStreams,
                              Duration sessionIdle, Duration sessionMaxAge) {

    /** Plain HTTP on localhost with the defaults. */
    public static ConsoleSettings local(int port) {
        return new ConsoleSettings("127.0.0.1", port, null, null, false, false, null, true, 100,
                Duration.ofMinutes(30), Duration.ofHours(12));
    }

    public boolean tls() {
        return keystore != null;
    }
}
