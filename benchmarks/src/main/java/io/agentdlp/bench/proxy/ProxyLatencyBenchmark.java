package io.agentdlp.bench.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.pii.PiiOptions;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.proxy.EgressProxy;
import io.agentdlp.ingest.proxy.Enforcement;
import io.agentdlp.ingest.proxy.ProxyConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.HdrHistogram.Histogram;

/**
 * Latency the egress proxy adds, and its throughput, on loopback: the same Anthropic Messages
 * requests sent straight to a local upstream and through the proxy (secret + personal-data
 * detectors, policy, event creation; events are discarded). Each request starts a new conversation
 * so every block is inspected (the worst case; re-sent history is skipped in real sessions).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.proxy.ProxyLatencyBenchmark [requests]}
 */
public final class ProxyLatencyBenchmark {
    private ProxyLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        byte[] answer = "{\"id\":\"msg\",\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}".getBytes();
        upstream.setExecutor(Executors.newFixedThreadPool(8));
        upstream.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, answer.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(answer);
            }
        });
        upstream.start();
        URI up = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
        KeyedHasher hasher = KeyedHasher.fromSecret("bench-key-0123456789abcdef");
        TextDetector detectors = TextDetector.all(List.of(SecretScanner.builder().catalog(RuleCatalog.builtIn()).hasher(hasher).build(),
                new PiiScanner(hasher, PiiOptions.defaults())));
        PolicyEngine policy = new PolicyEngine(PolicyDocument.allowAll());
        ProxyConfig cfg = new ProxyConfig("127.0.0.1", 0, Map.of("anthropic", up, "openai", up, "gemini", up),
                Enforcement.parse("enforce"), 16 << 20, false, false, null, null,
                new DeviceContext("bench", "bench", "linux", "bench", null), -1);
        AtomicLong events = new AtomicLong();
        try (EgressProxy proxy = EgressProxy.start(cfg, detectors, () -> policy, e -> events.incrementAndGet(), new SimpleMeterRegistry())) {
            URI via = URI.create("http://127.0.0.1:" + proxy.port());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            System.out.println("size      path     p50 ms   p99 ms   p99.9 ms");
            for (int kb : new int[] {10, 200}) {
                int n = kb >= 200 ? requests / 4 : requests;
                Histogram direct = run(client, up, kb, n, 1);
                Histogram proxied = run(client, via, kb, n, 2);
                print(kb, "direct", direct);
                print(kb, "proxy", proxied);
                System.out.printf(Locale.ROOT, "%3d KB  added   p50 %.2f ms, p99 %.2f ms%n", kb,
                        (proxied.getValueAtPercentile(50) - direct.getValueAtPercentile(50)) / 1000.0,
                        (proxied.getValueAtPercentile(99) - direct.getValueAtPercentile(99)) / 1000.0);
            }
            for (int kb : new int[] {10, 200}) {
                System.out.printf(Locale.ROOT, "throughput %3d KB, 8 concurrent clients: %.0f requests/s%n", kb,
                        throughput(client, via, kb, kb >= 200 ? requests / 2 : requests * 2, 8));
            }
        } finally {
            upstream.stop(0);
        }
    }

    private static Histogram run(HttpClient client, URI base, int kb, int n, long seed) throws Exception {
        Random rnd = new Random(seed);
        for (int i = 0; i < n / 10; i++) {
            send(client, base, body(kb, rnd));
        }
        Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        for (int i = 0; i < n; i++) {
            String b = body(kb, rnd);
            long t0 = System.nanoTime();
            send(client, base, b);
            h.recordValue((System.nanoTime() - t0) / 1000);
        }
        return h;
    }

    private static double throughput(HttpClient client, URI base, int kb, int n, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String[] bodies = new String[64];
        Random rnd = new Random(7);
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = body(kb, rnd);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String b = bodies[i % bodies.length].replace("\"conv", "\"conv" + i);
            pool.execute(() -> {
                try {
                    send(client, base, b);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static void send(HttpClient client, URI base, String body) throws IOException, InterruptedException {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(base.resolve("/v1/messages"))
                .header("anthropic-version", "2023-06-01").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("status " + r.statusCode());
        }
    }

    /** A new conversation (unique first message) of about {@code kb} KB: a prompt with code and a tool result. */
    private static String body(int kb, Random rnd) {
        StringBuilder code = new StringBuilder();
        while (code.length() < kb * 1024) {
            code.append("    public int handle").append(rnd.nextInt(100000))
                    .append("(Request r) { return r.items().stream().mapToInt(Item::qty).sum(); }\\n");
        }
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"system\":\"You are Claude Code.\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"conv" + rnd.nextLong() + " please review this class\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"" + code + "\"}]}]}";
    }

    private static void print(int kb, String path, Histogram h) {
        System.out.printf(Locale.ROOT, "%3d KB  %-7s %7.2f  %7.2f  %7.2f%n", kb, path, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0);
    }
}
