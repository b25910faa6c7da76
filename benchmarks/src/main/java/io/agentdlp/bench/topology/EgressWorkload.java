package io.agentdlp.bench.topology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.avro.User;
import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;

/**
 * A deterministic stream of agent egress events shaped like real agent traffic: content sizes
 * log-normal with a 2 KB median and a tail to 200 KB (sigma 1.5, capped), a mix of model requests,
 * prompts, shell tool calls, tool results, file reads and web fetches over 500 sessions on 50
 * devices, about a quarter of the texts carrying planted secrets, 3% carrying a snippet of an
 * indexed file, 10% of model requests re-sending an earlier block of the session, and 2% of reads
 * touching sensitive files.
 */
final class EgressWorkload {
    static final int MEDIAN_BYTES = 2048;
    static final int MAX_BYTES = 200 * 1024;
    private static final double SIGMA = 1.5;
    private static final String[] SHELL = {
            "ls -la src/main/java", "git status", "./mvnw -q test -pl core", "grep -rn TODO src | head -20",
            "npm run build", "cat README.md", "git diff --stat", "python -m pytest -q tests/unit",
            "curl -s https://registry.npmjs.org/react | jq .version", "git push origin feature/login",
            "docker compose up -d db", "kubectl get pods -n staging"};
    private static final String[] PATHS = {"/home/dev/app/src/main/java/App.java", "/home/dev/app/pom.xml",
            "/home/dev/app/README.md", "/home/dev/app/src/service/orders.ts", "/home/dev/app/.env"};

    private final SplittableRandom random;
    private final AgentTrafficCorpus traffic;
    private final List<BenchCorpus.Source> indexed;
    private final List<List<String>> sentBySession = new ArrayList<>();
    private long clock = Instant.parse("2026-03-02T09:00:00Z").toEpochMilli();
    private long next;

    EgressWorkload(long seed, List<BenchCorpus.Source> indexed) {
        this.random = new SplittableRandom(seed);
        this.traffic = new AgentTrafficCorpus(seed);
        this.indexed = indexed;
        for (int i = 0; i < 500; i++) {
            sentBySession.add(new ArrayList<>());
        }
    }

    /** The next event and its record key. */
    Keyed next() {
        int session = random.nextInt(500);
        String device = "device-" + (session % 50);
        String sessionId = "session-" + session;
        clock += 1 + random.nextInt(20);
        AgentEgressEvent.Builder b = AgentEgressEvent.newBuilder()
                .setEventId("e-" + next++)
                .setEventTime(Instant.ofEpochMilli(clock)).setIngestTime(Instant.ofEpochMilli(clock))
                .setSource(EventSource.claude_hook)
                .setDevice(Device.newBuilder().setId(device).setOs("linux").build())
                .setUser(User.newBuilder().setId("user-" + (session % 50)).build())
                .setAgent(Agent.newBuilder().setName("claude-code").setVersion("2.1.240").build())
                .setSessionId(sessionId)
                .setRepo(Repo.newBuilder().setRemote("git@github.com:acme/app.git").build())
                .setAttributes(Map.of());
        int kind = random.nextInt(100);
        if (kind < 30) {
            String text = modelText(session);
            b.setKind(EventKind.model_request).setSource(EventSource.proxy).setContent(content(text, "messages"))
                    .setDestination(Destination.newBuilder().setHost("api.anthropic.com")
                            .setUrl("https://api.anthropic.com/v1/messages").build());
        } else if (kind < 45) {
            b.setKind(EventKind.prompt).setContent(content(text(), "prompt"));
        } else if (kind < 65) {
            String cmd = SHELL[random.nextInt(SHELL.length)];
            b.setKind(EventKind.tool_call).setTool(Tool.newBuilder().setName("Bash").setCategory(ToolCategory.shell)
                    .setInputJson("{\"command\":\"" + cmd.replace("\"", "\\\"") + "\"}").build())
                    .setContent(content(cmd, "tool_input.command"));
        } else if (kind < 85) {
            b.setKind(EventKind.tool_result).setTool(Tool.newBuilder().setName("Bash").setCategory(ToolCategory.shell).build())
                    .setContent(content(text(), "tool_response.stdout"));
        } else if (kind < 95) {
            String path = random.nextInt(100) < 2 ? PATHS[4] : PATHS[random.nextInt(4)];
            b.setKind(EventKind.file_read).setFilePath(path)
                    .setTool(Tool.newBuilder().setName("Read").setCategory(ToolCategory.file_read)
                            .setInputJson("{\"file_path\":\"" + path + "\"}").build())
                    .setContent(content(text(), "tool_response.content"));
        } else {
            b.setKind(EventKind.network_request).setTool(Tool.newBuilder().setName("WebFetch").setCategory(ToolCategory.web)
                    .setInputJson("{\"url\":\"https://docs.example.com/guide/" + random.nextInt(1000) + "\"}").build());
        }
        return new Keyed(device + ":" + sessionId, b.build());
    }

    record Keyed(String key, AgentEgressEvent event) {
    }

    private String modelText(int session) {
        List<String> sent = sentBySession.get(session);
        if (!sent.isEmpty() && random.nextInt(10) == 0) {
            return sent.get(random.nextInt(sent.size()));
        }
        String t = text();
        if (sent.size() < 8) {
            sent.add(t);
        } else {
            sent.set(random.nextInt(8), t);
        }
        return t;
    }

    private String text() {
        int size = size();
        if (!indexed.isEmpty() && random.nextInt(100) < 3) {
            String src = indexed.get(random.nextInt(indexed.size())).text();
            int from = random.nextInt(Math.max(1, src.length() - 1500));
            return "Please review this:\n```java\n" + src.substring(from, Math.min(src.length(), from + 1500)) + "\n```\n"
                    + traffic.traffic(Math.max(64, size - 1500), false);
        }
        return traffic.traffic(size, random.nextInt(4) == 0);
    }

    /** Log-normal size with a 2 KB median, capped at 200 KB. */
    int size() {
        return (int) Math.min(MAX_BYTES, Math.max(32, MEDIAN_BYTES * Math.exp(SIGMA * gaussian())));
    }

    private double gaussian() {
        double u1 = Math.max(1e-12, random.nextDouble());
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static Content content(String text, String field) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return Content.newBuilder().setText(text).setBytes(b.length).setSha256(sha256(b)).setField(field).build();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
