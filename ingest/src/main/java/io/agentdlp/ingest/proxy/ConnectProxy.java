package io.agentdlp.ingest.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.agentdlp.detection.policy.Effect;
import io.agentdlp.detection.policy.PolicyDecision;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyRequest;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.policy.PolicySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forward-proxy mode for tool traffic (WebFetch, curl, MCP over HTTP) through {@code HTTPS_PROXY}:
 * answers {@code CONNECT host:port}, records the destination and applies destination policy,
 * without decrypting TLS. Other methods get 405.
 */
final class ConnectProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectProxy.class);
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "agentdlp-connect");
        t.setDaemon(true);
        return t;
    });
    private final Supplier<PolicyEngine> policy;
    private final ProxyEventFactory events;
    private final ProxyEvents sink;
    private final DeviceContext device;
    private final PolicySettings.AskFallback askFallback;

    ConnectProxy(String host, int port, Supplier<PolicyEngine> policy, PolicySettings.AskFallback askFallback,
                 ProxyEventFactory events, ProxyEvents sink, DeviceContext device) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        this.policy = policy;
        this.events = events;
        this.sink = sink;
        this.device = device;
        this.askFallback = askFallback;
        Thread acceptor = new Thread(this::acceptLoop, "agentdlp-connect-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("event=connect_accept_failed error={}", e.toString());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            String head = readHead(client.getInputStream());
            String[] first = head.split("\r\n", 2)[0].split(" ");
            OutputStream out = client.getOutputStream();
            if (first.length < 3 || !first[0].equals("CONNECT")) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            int colon = first[1].lastIndexOf(':');
            String host = (colon > 0 ? first[1].substring(0, colon) : first[1]).toLowerCase(Locale.ROOT);
            int port = colon > 0 ? Integer.parseInt(first[1].substring(colon + 1)) : 443;
            String agent = userAgent(head);
            PolicyDecision d = policy.get().decide(new PolicyRequest(device.userId(), device.userEmail(), List.of(),
                    device.deviceId(), agent == null ? null : AgentIdentity.fromUserAgent(agent).name(), null, null, "web",
                    null, host, "https://" + host + ":" + port + "/", null, null, null, 0, false));
            boolean ask = d.effect() == Effect.ASK;
            boolean allowed = d.effect() != Effect.DENY && !(ask && askFallback == PolicySettings.AskFallback.DENY);
            sink.publish(events.tunnelEvent(host, port, agent == null ? null : AgentIdentity.fromUserAgent(agent).name(),
                    allowed, d, ask ? askFallback.name().toLowerCase(Locale.ROOT) : null));
            if (!allowed) {
                byte[] msg = ("agentdlp: connection to " + host + " denied by policy: " + d.reason() + "\n").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: " + msg.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(msg);
                log.info("event=connect_denied host={} port={} policy_id={} policy_version={} rule={}", host, port, d.policyId(),
                        d.policyVersion(), d.ruleId());
                return;
            }
            try (Socket target = new Socket(host, port)) {
                out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                pool.execute(() -> pipe(client, target));
                pipe(target, client);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("event=connect_closed error={}", e.getClass().getSimpleName());
        }
    }

    private static String userAgent(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "User-Agent:", 0, 11)) {
                return line.substring(11).trim();
            }
        }
        return null;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0 || buf.size() > MAX_HEADER_BYTES) {
                throw new IOException("incomplete or oversized CONNECT request");
            }
            buf.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed: the tunnel is over
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
