package io.agentdlp.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

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

/** Realistic egress events for the tuning tests; ids are derived from the arguments, so runs are repeatable. */
final class TestEvents {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    /** Synthetic credentials from the rule catalogue's examples. */
    static final String AWS_KEY_ID = "AKIAVQJXXVBOTHD2WTFL";
    static final String GITHUB_TOKEN = "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";

    private TestEvents() {
    }

    static AgentEgressEvent.Builder base(String id, int minute, String user, String agent, String session, EventKind kind) {
        Instant t = T0.plusSeconds(60L * minute);
        return AgentEgressEvent.newBuilder()
                .setEventId(id)
                .setEventTime(t)
                .setIngestTime(t.plusMillis(120))
                .setSource(agent.equals("codex") ? EventSource.codex_hook : EventSource.claude_hook)
                .setDevice(Device.newBuilder().setId("laptop-" + user).setOs("linux").build())
                .setUser(User.newBuilder().setId(user).setEmail(user + "@acme.io").build())
                .setAgent(Agent.newBuilder().setName(agent).setVersion("2.1.0").build())
                .setSessionId(session)
                .setKind(kind)
                .setRepo(Repo.newBuilder().setRemote("git@github.com:acme/app.git").setBranch("main").build())
                .setAttributes(Map.of());
    }

    static Content content(String text, String field) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return Content.newBuilder().setText(text).setBytes(b.length).setSha256(sha256(b)).setField(field).build();
    }

    static AgentEgressEvent prompt(String id, int minute, String user, String agent, String session, String text) {
        return base(id, minute, user, agent, session, EventKind.prompt).setContent(content(text, "prompt")).build();
    }

    static AgentEgressEvent modelRequest(String id, int minute, String user, String session, String text, String host) {
        return base(id, minute, user, "claude-code", session, EventKind.model_request).setSource(EventSource.proxy)
                .setContent(content(text, "messages"))
                .setDestination(Destination.newBuilder().setHost(host).setUrl("https://" + host + "/v1/messages").build())
                .build();
    }

    static AgentEgressEvent shell(String id, int minute, String user, String session, String command) {
        String json = "{\"command\":\"" + command.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return base(id, minute, user, "claude-code", session, EventKind.tool_call)
                .setTool(Tool.newBuilder().setName("Bash").setCategory(ToolCategory.shell).setInputJson(json).build())
                .setContent(content(command, "tool_input.command")).build();
    }

    static AgentEgressEvent read(String id, int minute, String user, String session, String path) {
        return base(id, minute, user, "claude-code", session, EventKind.file_read)
                .setTool(Tool.newBuilder().setName("Read").setCategory(ToolCategory.file_read)
                        .setInputJson("{\"file_path\":\"" + path + "\"}").build())
                .setFilePath(path).build();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
