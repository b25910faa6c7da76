package io.agentdlp.alerts.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP endpoint that records every request (headers and body) and answers a fixed status. */
public final class HttpReceiver implements AutoCloseable {
    private final int port;
    private final int status;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** One received request. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
    }

    private HttpReceiver(int port, int status) {
        this.port = port;
        this.status = status;
    }

    /** Reserves a free port without listening yet (connections are refused until {@link #start()}). */
    public static HttpReceiver onFreePort(int status) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return new HttpReceiver(s.getLocalPort(), status);
        }
    }

    public HttpReceiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                requests.add(new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            byte[] b = (status < 300 ? "{\"ok\":true}" : "{\"error\":\"refused\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public List<Received> requests() {
        return requests;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
