package io.agentdlp.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.agentdlp.launcher.dev.DemoRun;
import io.agentdlp.launcher.dev.DemoSessions;
import io.agentdlp.launcher.dev.DevPorts;
import io.agentdlp.launcher.dev.DevStack;
import io.agentdlp.launcher.dev.OwnCodeSample;
import io.agentdlp.launcher.dev.PortsInUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentdlp dev}: the whole product on one machine. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run the embedded dev stack in one JVM: a real Kafka broker (KRaft), the schema registry, the detection topology,",
                "the ingest gateway, the SOC console, the sensor and the LLM-API egress proxy, with agentdlp's topics and",
                "default policy.",
                "Data persists under --data-dir (a restart keeps everything); Ctrl-C stops everything cleanly.",
                "Every port can be changed, also with AGENTDLP_* environment variables."})
final class DevCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:AGENTDLP_DATA_DIR:-.agentdlp}",
            description = "Where all state lives (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "${env:AGENTDLP_KAFKA_PORT:-9092}", description = "Kafka bootstrap port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "${env:AGENTDLP_CONTROLLER_PORT:-9093}", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "${env:AGENTDLP_REGISTRY_PORT:-8081}", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--gateway-port", defaultValue = "${env:AGENTDLP_GATEWAY_PORT:-8080}", description = "Ingest gateway port (default: ${DEFAULT-VALUE}).")
    int gatewayPort;

    @Option(names = "--topology-port", defaultValue = "${env:AGENTDLP_TOPOLOGY_PORT:-8082}", description = "Topology HTTP port (default: ${DEFAULT-VALUE}).")
    int topologyPort;

    @Option(names = "--console-port", defaultValue = "${env:AGENTDLP_CONSOLE_PORT:-8088}", description = "SOC console port (default: ${DEFAULT-VALUE}).")
    int consolePort;

    @Option(names = "--sensor-port", defaultValue = "${env:AGENTDLP_SENSOR_PORT:-7788}", description = "Sensor hook port (default: ${DEFAULT-VALUE}).")
    int sensorPort;

    @Option(names = "--otlp-port", defaultValue = "${env:AGENTDLP_OTLP_PORT:-4318}", description = "Sensor OTLP/HTTP port (default: ${DEFAULT-VALUE}).")
    int otlpPort;

    @Option(names = "--proxy-port", defaultValue = "${env:AGENTDLP_PROXY_PORT:-8787}", description = "Egress proxy port (default: ${DEFAULT-VALUE}).")
    int proxyPort;

    @Option(names = "--forward-proxy-port", defaultValue = "${env:AGENTDLP_FORWARD_PROXY_PORT:-8788}",
            description = "CONNECT forward proxy port for tool traffic (default: ${DEFAULT-VALUE}).")
    int forwardProxyPort;

    @Option(names = "--index", paramLabel = "PATH",
            description = "Index this repository at start (progress shown) and publish it to the code-index topic, so the "
                    + "topology flags its code when an agent sends it. Repeatable.")
    List<Path> index = new ArrayList<>();

    @Option(names = "--index-repo", paramLabel = "NAME",
            description = "Repository name for --index (default: the directory's name; with several --index, each "
                    + "directory's name).")
    String indexRepo;

    @Option(names = "--demo", description = {"Replay scripted Claude Code sessions through the sensor once the stack is up: "
            + "synthetic secrets in a prompt and a shell command, own code generated and indexed at run time pasted into a "
            + "prompt, a .env read then uploaded with curl, and a volume spike. Alerts are printed and appear in the "
            + "console within seconds (the spike after about a minute).",
            "Also shortens the volume detector's windows (volume.window=10s, min.history=3, floors 40 events/64 KiB) "
                    + "for this run so the spike is visible without hours of history."})
    boolean demo;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        for (Path p : index) {
            if (!Files.isDirectory(p) && !Files.isRegularFile(p)) {
                System.err.println("agentdlp dev: --index " + p + ": no such file or directory");
                return 2;
            }
        }
        DevPorts ports = new DevPorts(kafkaPort, controllerPort, registryPort, gatewayPort, topologyPort, consolePort,
                sensorPort, otlpPort, proxyPort, forwardProxyPort);
        out.println("agentdlp dev: starting the embedded stack (data in " + dataDir.toAbsolutePath() + ")");
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C runs this hook; the JVM halts when hooks return, so wait here until the stack is closed
        Thread hook = new Thread(() -> {
            out.println("agentdlp dev: stopping ...");
            stop.countDown();
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "agentdlp-dev-shutdown");
        try (DevLock lock = DevLock.acquire(dataDir.toAbsolutePath())) {
            Map<String, Integer> busy = PortsInUse.of(ports);
            if (!busy.isEmpty()) {
                System.err.println("agentdlp dev: " + PortsInUse.describe(busy) + " already in use: is another "
                        + "'agentdlp dev' (or a Kafka, registry, ...) running on this machine? Stop it, or choose other ports "
                        + "with the options named (or AGENTDLP_* variables) and another --data-dir.");
                return 2;
            }
            Map<String, String> overrides = demo ? DemoSessions.TOPOLOGY_OVERRIDES : Map.of();
            try (DevStack stack = new DevStack(dataDir, ports, out, overrides).start()) {
                Runtime.getRuntime().addShutdownHook(hook);
                for (Path p : index) {
                    String repo = indexRepo != null && index.size() == 1 ? indexRepo
                            : p.toAbsolutePath().normalize().getFileName().toString();
                    out.println("agentdlp dev: indexing " + p + " as repo " + repo + " ...");
                    new StackIndexer(stack).index(p, repo, false);
                }
                printInstructions(out, stack, ports);
                DemoRun demoRun = demo ? startDemo(stack, out) : null;
                try {
                    stop.await();
                } finally {
                    if (demoRun != null) {
                        demoRun.close();
                    }
                }
            }
            out.println("agentdlp dev: stopped cleanly");
        } catch (DevLock.AlreadyRunningException e) {
            System.err.println("agentdlp dev: " + e.getMessage());
            return 2;
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    /** Generates and indexes the demo's own code, then plays the scenes in the background. */
    private static DemoRun startDemo(DevStack stack, PrintStream out) throws IOException {
        OwnCodeSample sample = OwnCodeSample.generate(20261124L, 6);
        Path tree = stack.dataDir().resolve("demo-own-code");
        sample.writeTo(tree);
        out.println("agentdlp dev: demo: indexing a generated own-code sample (" + sample.files().size() + " files) as repo "
                + "acme/demo-payments ...");
        new StackIndexer(stack).index(tree, "acme/demo-payments", true);
        return new DemoRun(stack, sample, out, Duration.ofSeconds(10)).start();
    }

    private static void printInstructions(PrintStream out, DevStack stack, DevPorts ports) {
        String token = stack.sensor().identity().token();
        String hook = "http://127.0.0.1:" + ports.sensorHooks() + "/hook/claude-code";
        out.println();
        out.println("agentdlp dev stack is up.");
        out.println("  SOC console        " + stack.consoleUrl() + "   user: admin   password: " + stack.secrets().adminPassword());
        out.println("  Kafka bootstrap    " + stack.kafkaBootstrap());
        out.println("  Schema registry    " + stack.registryUrl());
        out.println("  Topology HTTP      " + stack.topologyUrl() + "   (/metrics, /health, /v1/verdict, /v1/sessions/{id})");
        out.println("  Ingest gateway     " + stack.gatewayUrl() + "   (Authorization: Bearer " + stack.gatewayToken() + ")");
        out.println("  Sensor hooks       http://127.0.0.1:" + ports.sensorHooks() + "/hook/<agent>   (header "
                + "X-Agentdlp-Token: " + token + ")");
        out.println("  Sensor OTLP logs   http://127.0.0.1:" + ports.sensorOtlp() + "/v1/logs");
        out.println("  Egress proxy       http://127.0.0.1:" + stack.proxy().port() + "   CONNECT proxy http://127.0.0.1:"
                + stack.proxy().forwardProxyPort());
        out.println("  Data directory     " + stack.dataDir());
        out.println();
        out.println("Point a local Claude Code at it: merge this into ~/.claude/settings.json");
        out.println("(or run ./agentdlp sensor install --agent claude-code):");
        out.println("{");
        out.println("  \"env\": {");
        out.println("    \"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:" + stack.proxy().port() + "/anthropic\",");
        out.println("    \"CLAUDE_CODE_ENABLE_TELEMETRY\": \"1\",");
        out.println("    \"OTEL_LOGS_EXPORTER\": \"otlp\",");
        out.println("    \"OTEL_EXPORTER_OTLP_PROTOCOL\": \"http/json\",");
        out.println("    \"OTEL_EXPORTER_OTLP_LOGS_ENDPOINT\": \"http://127.0.0.1:" + ports.sensorOtlp() + "/v1/logs\"");
        out.println("  },");
        out.println("  \"hooks\": {");
        for (String event : new String[] {"UserPromptSubmit", "PreToolUse", "PostToolUse"}) {
            out.println("    \"" + event + "\": [{" + (event.equals("UserPromptSubmit") ? "" : "\"matcher\": \"*\", ")
                    + "\"hooks\": [{\"type\": \"http\", \"url\": \"" + hook + "\", \"headers\": {\"X-Agentdlp-Token\": \""
                    + token + "\"}, \"timeout\": 10}]}]" + (event.equals("PostToolUse") ? "" : ","));
        }
        out.println("  }");
        out.println("}");
        out.println("Codex CLI:   export OPENAI_BASE_URL=http://127.0.0.1:" + stack.proxy().port() + "/openai/v1");
        out.println("Gemini CLI:  export GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:" + stack.proxy().port() + "/gemini");
        out.println("Tool traffic (curl, WebFetch): export HTTPS_PROXY=http://127.0.0.1:" + stack.proxy().forwardProxyPort());
        out.println();
        out.println("Press Ctrl-C to stop.");
    }
}
