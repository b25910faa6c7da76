package io.agentdlp.ingest.proxy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import io.agentdlp.ingest.normalize.DeviceContext;

/**
 * Settings of the egress proxy.
 *
 * @param host                 listen address (default 127.0.0.1)
 * @param port                 listen port (default 8787; 0 = any free port)
 * @param upstreams            upstream base URLs by key: {@code anthropic}, {@code openai}, {@code gemini}
 * @param enforcement          what blocks and what only warns
 * @param maxInspectBytes      decoded bodies above this are forwarded uninspected and recorded as such
 * @param rejectMalformedJson  true: answer 400 to an inspected path whose body is not JSON; false: forward it
 * @param privacyMode          true: events carry sizes, hashes and findings but no text
 * @param trustStore           PKCS12/JKS trust store for upstream TLS (null = the JDK's default trust)
 * @param trustStorePassword   its password
 * @param device               machine (or proxy instance) and user the events are attributed to
 * @param forwardProxyPort     port of the HTTP CONNECT forward proxy for tool traffic (-1 = off, 0 = any)
 */
public record ProxyConfig(String host, int port, Map<String, URI> upstreams, Enforcement enforcement,
                          int maxInspectBytes, boolean rejectMalformedJson, boolean privacyMode, Path trustStore,
                          char[] trustStorePassword, DeviceContext device, int forwardProxyPort) {
    public static final int DEFAULT_PORT = 8787;

    public ProxyConfig {
        Objects.requireNonNull(upstreams, "upstreams");
        Objects.requireNonNull(device, "device");
        upstreams = Map.copyOf(upstreams);
        enforcement = enforcement == null ? Enforcement.monitorOnly() : enforcement;
        if (maxInspectBytes < 1024) {
            throw new IllegalArgumentException("maxInspectBytes must be at least 1024");
        }
    }

    /** The public provider endpoints. */
    public static Map<String, URI> publicUpstreams() {
        return Map.of("anthropic", URI.create("https://api.anthropic.com"),
                "openai", URI.create("https://api.openai.com"),
                "gemini", URI.create("https://generativelanguage.googleapis.com"));
    }
}
