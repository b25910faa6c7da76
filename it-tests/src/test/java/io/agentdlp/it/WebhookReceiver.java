package io.agentdlp.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/** A local stand-in for the SIEM/SOAR endpoint the alerts service's webhook sink posts to. */
final class WebhookReceiver implements AutoCloseable {
    /** One POST: its {@code X-Agentdlp-Delivery} header ({@code <alert_id>/<count>}) and its body. */
    record Delivery(String deliveryId, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/alerts", ex -> {
            deliveries.add(new Delivery(ex.getRequestHeaders().getFirst("X-Agentdlp-Delivery"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Deliveries of one alert, oldest first. */
    List<Delivery> of(String alertId) {
        return deliveries.stream().filter(d -> d.deliveryId() != null && d.deliveryId().startsWith(alertId + "/")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
