package io.agentdlp.ingest.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.google.protobuf.ByteString;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;

/**
 * Every OTLP log shape of the formats document: Claude Code ({@code claude_code.*}), Codex
 * ({@code codex.*}), Gemini CLI ({@code gemini_cli.*}, GenAI semconv) and Copilot, with numbers as
 * ints, doubles and strings, redacted and opt-in content. Shared by the normalizer, sensor and
 * gateway tests.
 */
public final class OtelSamples {
    /** 2026-11-23T10:00:00.123456789Z in Unix nanoseconds. */
    public static final long TIME_NANOS = Instant.parse("2026-11-23T10:00:00Z").getEpochSecond() * 1_000_000_000L + 123_456_789L;
    /** The event time as the millisecond-precision Avro field holds it. */
    public static final Instant TIME = Instant.ofEpochMilli(TIME_NANOS / 1_000_000L);

    private OtelSamples() {
    }

    public static List<OtelSample> all() {
        List<OtelSample> s = new ArrayList<>();
        s.addAll(claude());
        s.addAll(codex());
        s.addAll(gemini());
        s.addAll(copilot());
        return s;
    }

    public static KeyValue kv(String k, String v) {
        return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
    }

    public static KeyValue kv(String k, long v) {
        return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setIntValue(v)).build();
    }

    public static KeyValue kv(String k, double v) {
        return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setDoubleValue(v)).build();
    }

    public static KeyValue kv(String k, boolean v) {
        return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setBoolValue(v)).build();
    }

    /** A one-record export with the given resource attributes, scope and record. */
    public static ExportLogsServiceRequest export(List<KeyValue> resource, String scope, LogRecord record) {
        return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                .setResource(Resource.newBuilder().addAllAttributes(resource))
                .addScopeLogs(ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName(scope).setVersion("1.0"))
                        .addLogRecords(record))).build();
    }

    private static LogRecord.Builder record(String body, KeyValue... attrs) {
        return LogRecord.newBuilder().setTimeUnixNano(TIME_NANOS).setObservedTimeUnixNano(TIME_NANOS + 1000)
                .setSeverityNumber(io.opentelemetry.proto.logs.v1.SeverityNumber.SEVERITY_NUMBER_INFO)
                .setBody(AnyValue.newBuilder().setStringValue(body))
                .setTraceId(ByteString.copyFrom(new byte[16])).setSpanId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .addAllAttributes(List.of(attrs));
    }

    private static Consumer<AgentEgressEvent> content(String text, String field) {
        return e -> {
            assertThat(e.getContent()).as("content").isNotNull();
            assertThat(e.getContent().getText()).isEqualTo(text);
            assertThat(e.getContent().getBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
            assertThat(e.getContent().getSha256()).isEqualTo(ContentFactory.sha256Hex(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(e.getContent().getRedactedBySource()).isFalse();
            assertThat(e.getContent().getField()).isEqualTo(field);
        };
    }

    private static Consumer<AgentEgressEvent> redacted(long bytes, String field) {
        return e -> {
            assertThat(e.getContent()).as("content").isNotNull();
            assertThat(e.getContent().getText()).isNull();
            assertThat(e.getContent().getSha256()).isNull();
            assertThat(e.getContent().getBytes()).isEqualTo(bytes);
            assertThat(e.getContent().getRedactedBySource()).isTrue();
            assertThat(e.getContent().getField()).isEqualTo(field);
        };
    }

    @SafeVarargs
    private static Consumer<AgentEgressEvent> all(Consumer<AgentEgressEvent>... checks) {
        return e -> {
            for (Consumer<AgentEgressEvent> c : checks) {
                c.accept(e);
            }
        };
    }

    static List<OtelSample> claude() {
        List<KeyValue> res = List.of(kv("service.name", "claude-code"), kv("service.version", "2.1.240"),
                kv("os.type", "linux"), kv("os.version", "6.8.0"), kv("host.arch", "amd64"));
        String scope = "com.anthropic.claude_code.events";
        KeyValue[] common = {kv("session.id", "sess-1"), kv("user.id", "inst-9f"), kv("user.email", "alice@acme.com"),
                kv("organization.id", "org-1"), kv("terminal.type", "vscode"), kv("event.timestamp", "2026-11-23T10:00:00.123Z"),
                kv("prompt.id", "p-1")};
        Consumer<AgentEgressEvent> base = e -> {
            assertThat(e.getSource()).isEqualTo(EventSource.claude_otel);
            assertThat(e.getAgent().getName()).isEqualTo("claude-code");
            assertThat(e.getAgent().getVersion()).isEqualTo("2.1.240");
            assertThat(e.getSessionId()).isEqualTo("sess-1");
            assertThat(e.getTurnId()).isEqualTo("p-1");
            assertThat(e.getUser().getId()).isEqualTo("inst-9f");
            assertThat(e.getUser().getEmail()).isEqualTo("alice@acme.com");
            assertThat(e.getEventTime()).isEqualTo(TIME);
            assertThat(e.getCanBlock()).isFalse();
            assertThat(e.getAttributes()).containsEntry("terminal.type", "vscode").containsEntry("organization.id", "org-1")
                    .containsEntry("os.type", "linux").containsEntry("otel.scope", scope);
        };
        List<OtelSample> s = new ArrayList<>();
        s.add(new OtelSample("claude user_prompt redacted", export(res, scope, record("claude_code.user_prompt", common)
                .addAttributes(kv("event.name", "user_prompt")).addAttributes(kv("event.sequence", 3L))
                .addAttributes(kv("prompt_length", "30")).addAttributes(kv("prompt", "<REDACTED>")).build()),
                all(base, redacted(30, "prompt"), e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.prompt);
                    assertThat(e.getAttributes()).containsEntry("event.name", "user_prompt").containsEntry("event.sequence", "3");
                })));
        s.add(new OtelSample("claude user_prompt opted in", export(res, scope, record("claude_code.user_prompt", common)
                .addAttributes(kv("event.name", "user_prompt")).addAttributes(kv("prompt_length", 11L))
                .addAttributes(kv("prompt", "ship it now")).build()),
                all(base, content("ship it now", "prompt"), e -> assertThat(e.getKind()).isEqualTo(EventKind.prompt))));
        s.add(new OtelSample("claude assistant_response", export(res, scope, record("claude_code.assistant_response", common)
                .addAttributes(kv("event.name", "assistant_response")).addAttributes(kv("response", "Here you go"))
                .addAttributes(kv("response_length", 11L)).addAttributes(kv("model", "claude-sonnet-4-6")).build()),
                all(base, content("Here you go", "response"), e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.model_response);
                    assertThat(e.getAgent().getModel()).isEqualTo("claude-sonnet-4-6");
                })));
        s.add(new OtelSample("claude tool_result sizes only", export(res, scope, record("claude_code.tool_result", common)
                .addAttributes(kv("event.name", "tool_result")).addAttributes(kv("tool_name", "Bash"))
                .addAttributes(kv("tool_use_id", "toolu_01")).addAttributes(kv("success", "true"))
                .addAttributes(kv("duration_ms", 42L)).addAttributes(kv("decision_source", "config"))
                .addAttributes(kv("tool_input_size_bytes", "120")).addAttributes(kv("tool_result_size_bytes", 2048L))
                .addAttributes(kv("tool_parameters", "{\"bash_command\":\"curl\",\"full_command\":\"curl https://x.test/a\"}")).build()),
                all(base, redacted(120, "tool_input"), e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.tool_result);
                    assertThat(e.getToolUseId()).isEqualTo("toolu_01");
                    assertThat(e.getTool().getName()).isEqualTo("Bash");
                    assertThat(e.getTool().getCategory()).isEqualTo(ToolCategory.shell);
                    assertThat(e.getTool().getInputJson()).isEqualTo("{\"bash_command\":\"curl\",\"full_command\":\"curl https://x.test/a\"}");
                    assertThat(e.getAttributes()).containsEntry("success", "true").containsEntry("duration_ms", "42")
                            .containsEntry("tool_result_size_bytes", "2048").containsEntry("decision_source", "config");
                })));
        s.add(new OtelSample("claude tool_result with tool_input", export(res, scope, record("claude_code.tool_result", common)
                .addAttributes(kv("event.name", "tool_result")).addAttributes(kv("tool_name", "Write"))
                .addAttributes(kv("tool_use_id", "toolu_02")).addAttributes(kv("tool_input", "{\"file_path\":\"/r/a.txt\",\"content\":\"x\"}"))
                .build()),
                all(base, content("{\"file_path\":\"/r/a.txt\",\"content\":\"x\"}", "tool_input"), e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.tool_result);
                    assertThat(e.getFilePath()).isEqualTo("/r/a.txt");
                })));
        s.add(new OtelSample("claude tool_decision", export(res, scope, record("claude_code.tool_decision", common)
                .addAttributes(kv("event.name", "tool_decision")).addAttributes(kv("tool_name", "Read"))
                .addAttributes(kv("tool_use_id", "toolu_03")).addAttributes(kv("decision", "accept"))
                .addAttributes(kv("source", "user_temporary")).build()),
                all(base, e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.file_read);
                    assertThat(e.getToolUseId()).isEqualTo("toolu_03");
                    assertThat(e.getAttributes()).containsEntry("decision", "accept").containsEntry("source", "user_temporary");
                })));
        s.add(new OtelSample("claude api_request", export(res, scope, record("claude_code.api_request", common)
                .addAttributes(kv("event.name", "api_request")).addAttributes(kv("model", "claude-opus-4-1"))
                .addAttributes(kv("input_tokens", 1200L)).addAttributes(kv("output_tokens", "80"))
                .addAttributes(kv("cost_usd", 0.0123)).addAttributes(kv("duration_ms", 900.0))
                .addAttributes(kv("request_id", "req_1")).build()),
                all(base, e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.model_request);
                    assertThat(e.getContent()).isNull();
                    assertThat(e.getAttributes()).containsEntry("input_tokens", "1200").containsEntry("output_tokens", "80")
                            .containsEntry("cost_usd", "0.0123").containsEntry("duration_ms", "900")
                            .containsEntry("request_id", "req_1");
                })));
        s.add(new OtelSample("claude api_request_body truncated", export(res, scope, record("claude_code.api_request_body", common)
                .addAttributes(kv("event.name", "api_request_body")).addAttributes(kv("body", "{\"model\":\"m\",\"messages\":["))
                .addAttributes(kv("body_length", 70000L)).addAttributes(kv("body_truncated", true)).build()),
                all(base, e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.model_request);
                    assertThat(e.getContent().getText()).isEqualTo("{\"model\":\"m\",\"messages\":[");
                    assertThat(e.getContent().getBytes()).isEqualTo(70000L);
                    assertThat(e.getContent().getTruncated()).isTrue();
                    assertThat(e.getContent().getSha256()).isNull();
                })));
        s.add(new OtelSample("claude api_response_body", export(res, scope, record("claude_code.api_response_body", common)
                .addAttributes(kv("event.name", "api_response_body")).addAttributes(kv("body", "{\"id\":\"msg\"}"))
                .addAttributes(kv("body_length", 12L)).build()),
                all(base, content("{\"id\":\"msg\"}", "body"), e -> assertThat(e.getKind()).isEqualTo(EventKind.model_response))));
        s.add(new OtelSample("claude eventName field", export(res, scope, LogRecord.newBuilder().setTimeUnixNano(TIME_NANOS)
                .setEventName("claude_code.api_error").addAllAttributes(List.of(common))
                .addAttributes(kv("status_code", "529")).addAttributes(kv("error", "overloaded")).build()),
                all(base, e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.other);
                    assertThat(e.getAttributes()).containsEntry("otel.event", "claude_code.api_error").containsEntry("status_code", "529");
                })));
        return s;
    }

    static List<OtelSample> codex() {
        List<KeyValue> res = List.of(kv("service.name", "codex_cli_rs"), kv("service.version", "0.63.0"));
        KeyValue[] common = {kv("conversation.id", "cx-1"), kv("app.version", "0.63.0"), kv("user.account_id", "acct-1"),
                kv("user.email", "bob@acme.com"), kv("terminal.type", "xterm"), kv("model", "gpt-5-codex"),
                kv("event.timestamp", "2026-11-23T10:00:00.123Z")};
        Consumer<AgentEgressEvent> base = e -> {
            assertThat(e.getSource()).isEqualTo(EventSource.codex_otel);
            assertThat(e.getAgent().getName()).isEqualTo("codex");
            assertThat(e.getAgent().getVersion()).isEqualTo("0.63.0");
            assertThat(e.getAgent().getModel()).isEqualTo("gpt-5-codex");
            assertThat(e.getSessionId()).isEqualTo("cx-1");
            assertThat(e.getUser().getId()).isEqualTo("acct-1");
            assertThat(e.getUser().getEmail()).isEqualTo("bob@acme.com");
            assertThat(e.getEventTime()).isEqualTo(TIME);
        };
        String scope = "codex_otel";
        List<OtelSample> s = new ArrayList<>();
        s.add(new OtelSample("codex user_prompt redacted", export(res, scope, record("codex.user_prompt", common)
                .addAttributes(kv("event.name", "codex.user_prompt")).addAttributes(kv("prompt_length", 12L)).build()),
                all(base, redacted(12, "prompt"), e -> assertThat(e.getKind()).isEqualTo(EventKind.prompt))));
        s.add(new OtelSample("codex tool_result", export(res, scope, record("codex.tool_result", common)
                .addAttributes(kv("event.name", "codex.tool_result")).addAttributes(kv("tool_name", "shell"))
                .addAttributes(kv("call_id", "call_7")).addAttributes(kv("arguments", "{\"command\":[\"cat\",\".env\"]}"))
                .addAttributes(kv("duration_ms", "15")).addAttributes(kv("success", "true"))
                .addAttributes(kv("output", "PASSWORD=x")).build()),
                all(base, content("PASSWORD=x", "output"), e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.tool_result);
                    assertThat(e.getToolUseId()).isEqualTo("call_7");
                    assertThat(e.getTool().getName()).isEqualTo("shell");
                    assertThat(e.getTool().getCategory()).isEqualTo(ToolCategory.shell);
                    assertThat(e.getTool().getInputJson()).isEqualTo("{\"command\":[\"cat\",\".env\"]}");
                })));
        s.add(new OtelSample("codex tool_decision", export(res, scope, record("codex.tool_decision", common)
                .addAttributes(kv("event.name", "codex.tool_decision")).addAttributes(kv("tool_name", "apply_patch"))
                .addAttributes(kv("call_id", "call_8")).addAttributes(kv("decision", "approved"))
                .addAttributes(kv("source", "config")).build()),
                all(base, e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.file_write);
                    assertThat(e.getToolUseId()).isEqualTo("call_8");
                    assertThat(e.getAttributes()).containsEntry("decision", "approved");
                })));
        s.add(new OtelSample("codex api_request", export(res, scope, record("codex.api_request", common)
                .addAttributes(kv("event.name", "codex.api_request")).addAttributes(kv("attempt", 1L))
                .addAttributes(kv("duration_ms", 300L)).addAttributes(kv("http.response.status_code", 200L)).build()),
                all(base, e -> assertThat(e.getKind()).isEqualTo(EventKind.model_request))));
        s.add(new OtelSample("codex sse_event", export(res, scope, record("codex.sse_event", common)
                .addAttributes(kv("event.name", "codex.sse_event")).addAttributes(kv("event.kind", "response.completed")).build()),
                all(base, e -> assertThat(e.getKind()).isEqualTo(EventKind.model_response))));
        s.add(new OtelSample("codex conversation_starts", export(res, scope, record("codex.conversation_starts", common)
                .addAttributes(kv("event.name", "codex.conversation_starts")).build()),
                all(base, e -> assertThat(e.getKind()).isEqualTo(EventKind.session))));
        return s;
    }

    static List<OtelSample> gemini() {
        List<KeyValue> res = List.of(kv("service.name", "gemini-cli"), kv("service.version", "0.18.0"));
        KeyValue[] common = {kv("session.id", "gm-1"), kv("installation.id", "inst-g"), kv("user.email", "carol@acme.com")};
        Consumer<AgentEgressEvent> base = e -> {
            assertThat(e.getSource()).isEqualTo(EventSource.gemini_otel);
            assertThat(e.getAgent().getName()).isEqualTo("gemini-cli");
            assertThat(e.getAgent().getVersion()).isEqualTo("0.18.0");
            assertThat(e.getSessionId()).isEqualTo("gm-1");
            assertThat(e.getUser().getId()).isEqualTo("inst-g");
            assertThat(e.getUser().getEmail()).isEqualTo("carol@acme.com");
        };
        String scope = "gemini-cli";
        List<OtelSample> s = new ArrayList<>();
        s.add(new OtelSample("gemini user_prompt", export(res, scope, record("gemini_cli.user_prompt", common)
                .addAttributes(kv("event.name", "gemini_cli.user_prompt")).addAttributes(kv("prompt", "list files"))
                .addAttributes(kv("prompt_id", "gp-1")).addAttributes(kv("prompt_length", 10L)).build()),
                all(base, content("list files", "prompt"), e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.prompt);
                    assertThat(e.getTurnId()).isEqualTo("gp-1");
                })));
        s.add(new OtelSample("gemini tool_call", export(res, scope, record("gemini_cli.tool_call", common)
                .addAttributes(kv("event.name", "gemini_cli.tool_call")).addAttributes(kv("function_name", "run_shell_command"))
                .addAttributes(kv("function_args", "{\"command\":\"printenv\"}")).addAttributes(kv("success", true))
                .addAttributes(kv("decision", "accept")).addAttributes(kv("tool_type", "native")).build()),
                all(base, content("{\"command\":\"printenv\"}", "function_args"), e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.tool_call);
                    assertThat(e.getTool().getName()).isEqualTo("run_shell_command");
                    assertThat(e.getTool().getCategory()).isEqualTo(ToolCategory.shell);
                    assertThat(e.getAttributes()).containsEntry("success", "true").containsEntry("tool_type", "native");
                })));
        s.add(new OtelSample("gemini tool_call MCP", export(res, scope, record("gemini_cli.tool_call", common)
                .addAttributes(kv("event.name", "gemini_cli.tool_call")).addAttributes(kv("function_name", "create_issue"))
                .addAttributes(kv("function_args", "{\"title\":\"t\"}")).addAttributes(kv("mcp_server_name", "github")).build()),
                all(base, e -> {
                    assertThat(e.getTool().getCategory()).isEqualTo(ToolCategory.mcp);
                    assertThat(e.getTool().getMcpServer()).isEqualTo("github");
                })));
        s.add(new OtelSample("gemini file_operation", export(res, scope, record("gemini_cli.file_operation", common)
                .addAttributes(kv("event.name", "gemini_cli.file_operation")).addAttributes(kv("tool_name", "write_file"))
                .addAttributes(kv("operation", "create")).addAttributes(kv("lines", 3L)).addAttributes(kv("content_length", "77")).build()),
                all(base, redacted(77, "content"), e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.file_write);
                    assertThat(e.getAttributes()).containsEntry("operation", "create").containsEntry("lines", "3");
                })));
        s.add(new OtelSample("gemini api_request", export(res, scope, record("gemini_cli.api_request", common)
                .addAttributes(kv("event.name", "gemini_cli.api_request")).addAttributes(kv("model", "gemini-2.5-pro"))
                .addAttributes(kv("request_text", "[{\"role\":\"user\"}]")).build()),
                all(base, content("[{\"role\":\"user\"}]", "request_text"), e -> {
                    assertThat(e.getKind()).isEqualTo(EventKind.model_request);
                    assertThat(e.getAgent().getModel()).isEqualTo("gemini-2.5-pro");
                })));
        s.add(new OtelSample("gemini api_response", export(res, scope, record("gemini_cli.api_response", common)
                .addAttributes(kv("event.name", "gemini_cli.api_response")).addAttributes(kv("response_text", "ok")).build()),
                all(base, content("ok", "response_text"), e -> assertThat(e.getKind()).isEqualTo(EventKind.model_response))));
        s.add(new OtelSample("gemini gen_ai operation details", export(res, scope,
                record("gen_ai.client.inference.operation.details", common)
                        .addAttributes(kv("event.name", "gen_ai.client.inference.operation.details"))
                        .addAttributes(kv("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]")).build()),
                all(base, content("[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]", "gen_ai.input.messages"),
                        e -> assertThat(e.getKind()).isEqualTo(EventKind.model_request))));
        return s;
    }

    static List<OtelSample> copilot() {
        List<KeyValue> res = List.of(kv("service.name", "github-copilot-cli"), kv("service.version", "1.0.2"));
        List<OtelSample> s = new ArrayList<>();
        s.add(new OtelSample("copilot log record", export(res, "copilot", record("execute_tool",
                        kv("session.id", "cp-1"), kv("event.name", "execute_tool")).build()),
                e -> {
                    assertThat(e.getSource()).isEqualTo(EventSource.copilot_otel);
                    assertThat(e.getAgent().getName()).isEqualTo("copilot");
                    assertThat(e.getAgent().getVersion()).isEqualTo("1.0.2");
                    assertThat(e.getSessionId()).isEqualTo("cp-1");
                    assertThat(e.getKind()).isEqualTo(EventKind.other);
                }));
        return s;
    }
}
