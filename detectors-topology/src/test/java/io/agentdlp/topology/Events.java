package io.agentdlp.topology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

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

/** Builders of realistic egress events for tests. */
public final class Events {
    /** A synthetic GitHub classic token with a valid checksum (from the rule catalogue's examples). */
    public static final String GITHUB_TOKEN = "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";
    public static final String AWS_KEY_ID = "AKIAVQJXXVBOTHD2WTFL";
    /** Another synthetic AWS key id (temporary credentials). */
    public static final String AWS_TEMP_KEY_ID = "ASIAHBMUAPTT2ZN5X2PD";
    /** A synthetic GitHub OAuth token with a valid checksum. */
    public static final String GITHUB_OAUTH = "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";
    public static final String DEVICE = "dev-laptop-1";
    public static final String SESSION = "sess-1";
    public static final String KEY = DEVICE + ":" + SESSION;

    private Events() {
    }

    public static AgentEgressEvent.Builder base(Instant t, EventKind kind) {
        return AgentEgressEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(t)
                .setIngestTime(t)
                .setSource(EventSource.claude_hook)
                .setDevice(Device.newBuilder().setId(DEVICE).setOs("linux").build())
                .setUser(User.newBuilder().setId("u-42").setEmail("dev@acme.io").build())
                .setAgent(Agent.newBuilder().setName("claude-code").setVersion("2.1.240").build())
                .setSessionId(SESSION)
                .setKind(kind)
                .setRepo(Repo.newBuilder().setRemote("git@github.com:acme/app.git").setBranch("main").build())
                .setAttributes(Map.of());
    }

    public static Content content(String text, String field) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return Content.newBuilder().setText(text).setBytes(b.length).setSha256(sha256(b)).setField(field).build();
    }

    /** A prompt carrying {@code text}, sent to the model API. */
    public static AgentEgressEvent prompt(Instant t, String text) {
        return base(t, EventKind.prompt).setContent(content(text, "prompt")).build();
    }

    /** A model request (proxy) sending {@code text} to {@code host}. */
    public static AgentEgressEvent modelRequest(Instant t, String text, String host) {
        return base(t, EventKind.model_request).setSource(EventSource.proxy).setContent(content(text, "messages"))
                .setDestination(Destination.newBuilder().setHost(host).setUrl("https://" + host + "/v1/messages").build())
                .build();
    }

    /** A Bash tool call running {@code command}. */
    public static AgentEgressEvent shell(Instant t, String command) {
        String json = "{\"command\":" + jsonString(command) + "}";
        return base(t, EventKind.tool_call)
                .setTool(Tool.newBuilder().setName("Bash").setCategory(ToolCategory.shell).setInputJson(json).build())
                .setContent(content(command, "tool_input.command")).build();
    }

    /** A Read tool call of {@code path}. */
    public static AgentEgressEvent read(Instant t, String path) {
        return base(t, EventKind.file_read)
                .setTool(Tool.newBuilder().setName("Read").setCategory(ToolCategory.file_read)
                        .setInputJson("{\"file_path\":" + jsonString(path) + "}").build())
                .setFilePath(path).build();
    }

    /** A WebFetch of {@code url}. */
    public static AgentEgressEvent webFetch(Instant t, String url) {
        return base(t, EventKind.network_request)
                .setTool(Tool.newBuilder().setName("WebFetch").setCategory(ToolCategory.web)
                        .setInputJson("{\"url\":" + jsonString(url) + ",\"prompt\":\"summarise\"}").build())
                .build();
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
