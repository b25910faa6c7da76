package io.agentdlp.alerts.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.agentdlp.alerts.feed.AlertQuery;
import io.agentdlp.alerts.feed.AlertView;

/**
 * Fans alert changes out to live-feed connections. Each connection has its filters and a bounded
 * queue; a client too slow to drain its queue is dropped (its browser reconnects and reloads), so one
 * slow browser never holds up the feed consumer.
 */
final class SseHub {
    static final int QUEUE = 1000;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Function<AlertView, String> render;
    private final Clock clock;

    /** One connected browser. */
    static final class Client {
        final AlertQuery query;
        final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
        volatile boolean overflowed;

        Client(AlertQuery query) {
            this.query = query;
        }
    }

    /** @param render formats a view as one SSE message ({@code id}, {@code event}, {@code data} lines) */
    SseHub(Function<AlertView, String> render, Clock clock) {
        this.render = render;
        this.clock = clock;
    }

    Client connect(AlertQuery query) {
        Client c = new Client(query.withoutStatus());
        clients.add(c);
        return c;
    }

    void disconnect(Client c) {
        clients.remove(c);
    }

    int size() {
        return clients.size();
    }

    /** Called for every changed alert. */
    void publish(AlertView v) {
        if (clients.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String message = null;
        for (Client c : clients) {
            if (c.query.matches(v, now)) {
                if (message == null) {
                    message = render.apply(v);
                }
                if (!c.queue.offer(message)) {
                    c.overflowed = true;
                }
            }
        }
    }
}
