package io.agentdlp.bench.ingest;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.delivery.FsyncPolicy;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.gateway.GatewayConfig;
import io.agentdlp.ingest.gateway.GatewayServer;
import io.agentdlp.ingest.gateway.TokenStore;
import io.agentdlp.ingest.normalize.AgentEventJson;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.HookAgent;
import io.agentdlp.ingest.normalize.HookNormalizer;
import io.agentdlp.ingest.normalize.RepoLookup;
import io.agentdlp.ingest.sensor.SensorConfig;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import io.agentdlp.registry.server.RegistryServerConfig;
import io.agentdlp.registry.server.SchemaRegistryServer;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;

/**
 * Ingest load figures on this machine, everything on loopback:
 * <ol>
 *   <li>gateway throughput: concurrent clients POST gzipped batches of 2 KB agent-event/v1 events to
 *       {@code /v1/events}; the gateway validates, Avro-serializes (Confluent wire format, schema id
 *       from the real registry server) and produces them to an in-JVM Kafka broker with acks=all and
 *       answers after the acknowledgement; events/s counted from the 200 answers;</li>
 *   <li>sensor hook latency: sequential Claude PreToolUse hooks carrying a 20 KB Write (clean, then
 *       one holding a secret, which is denied) against a sensor running in its own JVM with a 128 MB
 *       heap ({@link SensorProcess}: secret scan, inline decision, spool append with the given fsync
 *       policy); HdrHistogram of the round trip; then the sensor's RSS and idle CPU.</li>
 * </ol>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.ingest.IngestBenchmark [gatewaySeconds] [hooks]}
 */
public final class IngestBenchmark {
    private static final int BATCH = 100;
    private static final int CLIENTS = 4;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int hooks = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Path tmp = Files.createTempDirectory("agentdlp-ingest-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                new TopicProvisioner(admin, TopicNames.defaults(), (short) 1).ensure(List.of(Topics.EGRESS_EVENTS, Topics.SCHEMAS));
            }
            SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryServerConfig.builder(kafka.bootstrapServers())
                    .port(0).replicationFactor(1).build());
            Path tokens = tmp.resolve("tokens");
            String token = TokenStore.issue(tokens, "bench", "rate=10000000 burst=10000000");
            try (GatewayServer gateway = GatewayServer.start(GatewayConfig.defaults(tokens).withAddress("127.0.0.1", 0),
                    kafka(kafka.bootstrapServers(), registry.url()), Topics.EGRESS_EVENTS.defaultName(),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC())) {
                URI url = URI.create("http://127.0.0.1:" + gateway.address().getPort());
                gatewayThroughput(url, token, seconds);
                for (FsyncPolicy fsync : List.of(FsyncPolicy.always(), FsyncPolicy.never())) {
                    hookLatency(tmp.resolve("sensor-" + fsync), url, token, hooks, fsync);
                }
            } finally {
                registry.close();
            }
        }
    }

    private static KafkaEventPublisher kafka(String bootstrap, String registryUrl) {
        TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", registryUrl));
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        return KafkaEventPublisher.create(p, serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), Topics.EGRESS_EVENTS.defaultName());
    }

    /** ~2 KB agent-event/v1 events (JSON size measured and printed). */
    static List<AgentEgressEvent> events(int n, Random rnd) {
        HookNormalizer normalizer = new HookNormalizer(new DeviceContext("bench-device", "bench-host", "linux", "dev", null),
                RepoLookup.none(), ContentFactory.standard(), Clock.systemUTC());
        List<AgentEgressEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder cmd = new StringBuilder();
            while (cmd.length() < 600) {
                cmd.append("grep -rn ").append(Long.toHexString(rnd.nextLong())).append(" src/ | head -n 20 && ");
            }
            String body = "{\"session_id\":\"s-" + (i % 64) + "\",\"prompt_id\":\"p-" + i + "\",\"cwd\":\"/home/dev/repo\","
                    + "\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_use_id\":\"toolu_" + i + "\","
                    + "\"tool_input\":{\"command\":\"" + cmd + "\"}}";
            out.addAll(normalizer.normalize(HookAgent.CLAUDE_CODE, null, body.getBytes(StandardCharsets.UTF_8)).events());
        }
        return out;
    }

    private static void gatewayThroughput(URI url, String token, int seconds) throws Exception {
        Random rnd = new Random(42);
        List<byte[]> bodies = new ArrayList<>();
        long jsonBytes = 0;
        for (int b = 0; b < 50; b++) {
            byte[] json = AgentEventJson.writeBatch(events(BATCH, rnd));
            jsonBytes += json.length;
            bodies.add(gzip(json));
        }
        System.out.printf(Locale.ROOT, "gateway: %d-event batches, %.0f bytes of JSON per event, gzip on the wire, %d clients%n",
                BATCH, jsonBytes / (50.0 * BATCH), CLIENTS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
        long[] measuredStart = new long[1];
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    HttpRequest req = HttpRequest.newBuilder(url.resolve("/v1/events")).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i++ % bodies.size()))).build();
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (System.nanoTime() >= warmupEnd) {
                            if (r.statusCode() == 200) {
                                accepted.addAndGet(BATCH);
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
        measuredStart[0] = System.nanoTime();
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - measuredStart[0]) / 1e9;
        System.out.printf(Locale.ROOT, "gateway: %d events acknowledged by Kafka (acks=all) in %.1f s = %.0f events/s; %d failed requests%n",
                accepted.get(), secs, accepted.get() / secs, failed.get());
    }

    /**
     * Hook latency against the sensor in its own JVM (heap {@code -Dbench.sensor.heap}, default 128m, the
     * footprint target), then its resident size and the CPU it uses while idle.
     */
    private static void hookLatency(Path dir, URI gateway, String token, int hooks, FsyncPolicy fsync) throws Exception {
        String heap = System.getProperty("bench.sensor.heap", "128m");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-Dsun.net.httpserver.nodelay=true",
                "-cp", System.getProperty("java.class.path"), SensorProcess.class.getName(),
                dir.toString(), gateway.toString(), token, fsync.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String[] ready = readReady(child);
            URI hook = URI.create("http://127.0.0.1:" + ready[1] + "/hook/claude-code");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Random rnd = new Random(7);
            for (String variant : List.of("clean", "secret")) {
                Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                for (int i = 0; i < hooks + 1000; i++) {
                    byte[] body = hookBody(rnd, i, variant.equals("secret")).getBytes(StandardCharsets.UTF_8);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(hook).header(SensorConfig.TOKEN_HEADER, ready[2])
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    long t = System.nanoTime() - t0;
                    if (r.statusCode() != 200 || variant.equals("secret") != r.body().contains("\"deny\"")) {
                        throw new IllegalStateException("unexpected hook answer " + r.statusCode());
                    }
                    if (i >= 1000) {
                        h.recordValue(t);
                    }
                }
                System.out.printf(Locale.ROOT, "sensor hook (20 KB PreToolUse Write, %s, fsync=%s, sensor JVM -Xmx%s): p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms over %d hooks%n",
                        variant, fsync, heap, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                        h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6, h.getTotalCount());
            }
            idleFootprint(child.toHandle());
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static String[] readReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return line.split(" ");
            }
        }
        throw new IllegalStateException("the sensor process exited before it was ready: exit " + child.exitValue());
    }

    /** Resident set size (Linux) and CPU used over 30 s without hooks, after the latency runs. */
    private static void idleFootprint(ProcessHandle sensor) throws Exception {
        Duration before = sensor.info().totalCpuDuration().orElse(Duration.ZERO);
        Thread.sleep(30_000);
        Duration after = sensor.info().totalCpuDuration().orElse(Duration.ZERO);
        Path status = Path.of("/proc", Long.toString(sensor.pid()), "status");
        String rss = Files.exists(status) ? Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ").substring(6).trim()).findFirst().orElse("?") : "n/a";
        System.out.printf(Locale.ROOT, "sensor footprint: RSS %s after the runs; idle CPU %.3f %% of one core over 30 s%n",
                rss, (after.minus(before).toNanos() / 1e9) / 30.0 * 100);
    }

    private static String hookBody(Random rnd, int i, boolean secret) {
        StringBuilder code = new StringBuilder(20_500);
        int line = 0;
        while (code.length() < 20_000) {
            code.append("    long v").append(line++).append(" = compute(").append(rnd.nextInt(100_000)).append(", \\\"k")
                    .append(Integer.toHexString(rnd.nextInt())).append("\\\");\\n");
        }
        if (secret) {
            code.append("    String token = \\\"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\\\";\\n");
        }
        return "{\"session_id\":\"bench\",\"prompt_id\":\"p\",\"cwd\":\"/tmp\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Write\","
                + "\"tool_use_id\":\"t" + i + "\",\"tool_input\":{\"file_path\":\"/tmp/Gen.java\",\"content\":\"" + code + "\"}}";
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }
}
