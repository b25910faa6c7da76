package io.agentdlp.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.User;
import io.agentdlp.ingest.normalize.AgentEventJson;

/**
 * Offers agent prompts to the gateway's {@code POST /v1/events} at a fixed rate, in batches as a
 * sensor sends them. Each event's time is its <em>intended</em> send time, so a sender that falls
 * behind (back-pressure) shows up in the latencies instead of silently lowering the load
 * (no coordinated omission).
 *
 * <p>Requests are sent with the blocking {@link HttpClient#send} from a pool of its own, one thread per request
 * in flight: {@code sendAsync} hands every completion to {@code CompletableFuture}'s default executor, which on
 * a 2-core machine (common pool parallelism 1) is a new thread per task, so each response started and ended a
 * thread whose CPU the benchmark could only count as {@code jvm}, not as the load generator's.
 */
final class GatewayLoad implements AutoCloseable {
    private static final int SESSIONS = 64;

    private final URI events;
    private final String token;
    private final BenchPayloads payloads;
    private final ObjLongConsumer<String> plantedSecrets;
    private final int batchSize;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final ExecutorService pool = daemonPool(2, "agentdlp-bench-http");
    private final ExecutorService senders;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private long sequence;

    /**
     * @param plantedSecrets told the id and event time of every event that carries a planted secret, before it is sent
     */
    GatewayLoad(URI gateway, String token, BenchPayloads payloads, ObjLongConsumer<String> plantedSecrets, int batchSize,
                int maxInFlight) {
        this.events = gateway.resolve("/v1/events");
        this.token = token;
        this.payloads = payloads;
        this.plantedSecrets = plantedSecrets;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.senders = daemonPool(maxInFlight, "agentdlp-bench-sender");
    }

    private static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** What one fixed-rate run delivered; {@code seconds} is the offered window. */
    record Outcome(long accepted, long failed, double seconds, LatencyStats.Summary ingestLatency) {
        double achievedRate() {
            return seconds <= 0 ? 0 : accepted / seconds;
        }
    }

    /** Offers {@code rate} events/s for {@code duration}, then waits for the requests still in flight. */
    Outcome run(double rate, Duration duration) throws InterruptedException {
        LatencyStats ingest = new LatencyStats();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long intervalNanos = (long) (batchSize * 1e9 / rate);
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long endNanos = startNanos + duration.toNanos();
        for (long i = 0; ; i++) {
            long due = startNanos + i * intervalNanos;
            if (due >= endNanos) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long intendedMillis = startMillis + TimeUnit.NANOSECONDS.toMillis(due - startNanos);
            List<AgentEgressEvent> batch = new ArrayList<>(batchSize);
            for (int b = 0; b < batchSize; b++) {
                batch.add(event(intendedMillis));
            }
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(AgentEventJson.writeBatch(batch))).build();
            int count = batch.size();
            senders.execute(() -> {
                try {
                    if (send(request)) {
                        accepted.addAndGet(count);
                        double ms = System.currentTimeMillis() - intendedMillis;
                        for (int b = 0; b < count; b++) {
                            ingest.recordMillis(ms);
                        }
                    } else {
                        failed.addAndGet(count);
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(maxInFlight);
        inFlight.release(maxInFlight);
        // the rate is over the offered window: every scheduled batch is sent however late, and lateness (the last
        // replies of a loaded machine) already counts in the ingest latency from each batch's intended time
        return new Outcome(accepted.get(), failed.get(), duration.toNanos() / 1e9, ingest.summary());
    }

    /** True when the gateway accepted the batch (200); a refusal, an I/O error or a timeout is false. */
    private boolean send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private AgentEgressEvent event(long timeMillis) {
        long n = sequence++;
        BenchPayloads.Payload p = payloads.next();
        String id = UUID.randomUUID().toString();
        if (p.secret()) {
            plantedSecrets.accept(id, timeMillis);
        }
        int user = (int) (n % 16);
        Instant t = Instant.ofEpochMilli(timeMillis);
        byte[] bytes = p.text().getBytes(StandardCharsets.UTF_8);
        return AgentEgressEvent.newBuilder()
                .setEventId(id)
                .setEventTime(t)
                .setIngestTime(t)
                .setSource(EventSource.claude_hook)
                .setDevice(Device.newBuilder().setId("bench-laptop-" + user).setOs("linux").build())
                .setUser(User.newBuilder().setId("bench-user-" + user).setEmail("bench-user-" + user + "@example.com").build())
                .setAgent(Agent.newBuilder().setName("claude-code").setVersion("2.1.0").build())
                .setSessionId("bench-session-" + (n % SESSIONS))
                .setKind(EventKind.prompt)
                .setContent(Content.newBuilder().setText(p.text()).setBytes(bytes.length).setSha256(sha256(bytes))
                        .setField("prompt").build())
                .setRepo(Repo.newBuilder().setRemote("git@github.com:acme/bench.git").setBranch("main").build())
                .setAttributes(Map.of())
                .build();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JVM", e);
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
        pool.shutdownNow();
    }
}
