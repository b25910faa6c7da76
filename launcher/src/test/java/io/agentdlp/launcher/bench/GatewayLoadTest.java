package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.normalize.AgentEventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load generator against a real local HTTP server standing in for the gateway's {@code /v1/events}. */
class GatewayLoadTest {
    private static final int BATCH = 10;
    private static final int MAX_IN_FLIGHT = 4;

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final Map<String, Long> planted = new ConcurrentHashMap<>();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    private GatewayLoad start(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/events", ex -> {
            authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
            List<AgentEgressEvent> events = AgentEventJson.readBatch(ex.getRequestBody().readAllBytes());
            events.forEach(e -> received.put(e.getEventId(), e.getContent().getText()));
            byte[] answer = ("{\"accepted\":" + events.size() + "}").getBytes();
            ex.sendResponseHeaders(status, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        URI gateway = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new GatewayLoad(gateway, "bench-token", new BenchPayloads(5, 0.2), planted::put, BATCH, MAX_IN_FLIGHT);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyScheduledEventReachesTheGatewayAndPlantedSecretsAreAnnouncedWithTheirEventTime() throws Exception {
        try (GatewayLoad load = start(200)) {
            GatewayLoad.Outcome o = load.run(200, Duration.ofSeconds(1));

            assertThat(o.accepted()).isEqualTo(200);
            assertThat(o.failed()).isZero();
            assertThat(o.ingestLatency().count()).isEqualTo(200);
        }
        assertThat(received).hasSize(200);
        assertThat(authorizations).containsExactly("Bearer bench-token");
        assertThat(planted).isNotEmpty();
        assertThat(received.keySet()).containsAll(planted.keySet());
        planted.keySet().forEach(id -> assertThat(received.get(id)).contains("aws_secret_access_key = "));
        received.forEach((id, text) -> assertThat(planted.containsKey(id)).isEqualTo(text.contains("aws_secret_access_key = ")));
    }

    @Test
    void batchesTheGatewayRefusesCountAsFailed() throws Exception {
        try (GatewayLoad load = start(503)) {
            GatewayLoad.Outcome o = load.run(200, Duration.ofSeconds(1));

            assertThat(o.accepted()).isZero();
            assertThat(o.failed()).isEqualTo(200);
        }
    }

    /**
     * {@code HttpClient.sendAsync} completes on {@code CompletableFuture}'s default executor, a new thread per
     * response when the common pool has one thread (2 CPUs); those threads' CPU was the benchmark's unattributed
     * {@code jvm} share. The load generator's threads are a fixed set however many requests it sends.
     */
    @Test
    void startsAFixedSetOfThreadsNotOnePerRequest() throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        try (GatewayLoad load = start(200)) {
            long before = threads.getTotalStartedThreadCount();
            GatewayLoad.Outcome o = load.run(400, Duration.ofSeconds(1));

            assertThat(o.accepted()).isEqualTo(400);
            // 40 requests; the senders, the client's executor and selector, and the server's few threads stay below 40
            assertThat(threads.getTotalStartedThreadCount() - before).isLessThanOrEqualTo(MAX_IN_FLIGHT + 8);
        }
    }
}
