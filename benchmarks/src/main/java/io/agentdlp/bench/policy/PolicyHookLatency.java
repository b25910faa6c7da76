package io.agentdlp.bench.policy;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import com.sun.management.OperatingSystemMXBean;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Repo;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.sensor.SensorConfig;
import io.agentdlp.ingest.sensor.SensorDaemon;
import io.agentdlp.ingest.policy.PolicySettings;

/**
 * Hook-level decision latency at the sensor: a real sensor daemon enforcing a policy of N rules
 * (loaded from a policy file, as the gateway would deliver it) answers sequential Claude Code
 * PreToolUse Write hooks carrying a 20 KB file over loopback HTTP; each hook is timed from request
 * to answer (normalize, secret scan, policy decision, spool append with fsync=always). Prints
 * p50/p90/p99/max and the process CPU time per hook. Upstream delivery is discarded so only the
 * hook path is measured.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.agentdlp.bench.policy.PolicyHookLatency [rules=1000] [hooks=2000]}
 */
public final class PolicyHookLatency {
    private PolicyHookLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rules = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int hooks = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path dir = Files.createTempDirectory("agentdlp-policy-latency");
        Path policyFile = dir.resolve("policy.json");
        Files.writeString(policyFile, PolicyFile.render(SyntheticPolicy.rules(rules, new Random(42))));
        SensorConfig config = SensorConfig.defaults(dir.resolve("sensor")).withPorts(0, -1)
                .withPolicy(PolicySettings.none().withFile(policyFile));
        EventPublisher discard = new EventPublisher() {
            @Override
            public CompletableFuture<Void> publish(List<AgentEgressEvent> events) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
            }
        };
        DeviceContext device = new DeviceContext("dev-1", "laptop", "linux", "user7", "user7@acme.com");
        String body = SyntheticPolicy.writeHook();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SensorDaemon sensor = SensorDaemon.start(config, discard, "discard", cwd -> new Repo("git@github.com:acme/repo7.git", "main"),
                Clock.systemUTC(), device)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sensor.hookAddress().getPort() + "/hook/claude-code"))
                    .header(SensorConfig.TOKEN_HEADER, sensor.identity().token())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            for (int i = 0; i < Math.min(500, hooks); i++) {
                http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            long[] nanos = new long[hooks];
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            String last = null;
            for (int i = 0; i < hooks; i++) {
                long t = System.nanoTime();
                last = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                nanos[i] = System.nanoTime() - t;
            }
            long wall = System.nanoTime() - wall0;
            long cpu = os.getProcessCpuTime() - cpu0;
            Arrays.sort(nanos);
            System.out.printf("rules=%d hooks=%d payload_bytes=%d answer=%s%n", rules, hooks, body.length(),
                    last.length() > 60 ? last.substring(0, 60) + "…" : last);
            System.out.printf("latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f%n", ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
                    nanos[hooks - 1] / 1e6);
            System.out.printf("process_cpu_ms_per_hook=%.2f (client and sensor share the JVM) wall_s=%.1f%n",
                    cpu / 1e6 / hooks, wall / 1e9);
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
