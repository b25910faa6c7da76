package io.agentdlp.ingest.sensor.install;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Claude Code: hooks and OpenTelemetry in {@code ~/.claude/settings.json}, or with {@code --managed}
 * in the managed settings (which users cannot disable). User installs use HTTP hooks straight to the
 * sensor with the install token; managed installs use the command shim, which reads each user's
 * own token.
 */
final class ClaudeCodeInstaller extends JsonSettingsInstaller {
    /** Events hooked: the blockable ones first. */
    static final List<String> EVENTS = List.of("UserPromptSubmit", "PreToolUse", "PermissionRequest", "PostToolUse",
            "PostToolUseFailure", "SessionStart", "SessionEnd", "Stop", "SubagentStop", "Notification");
    private static final Map<String, String> ENV = Map.of(
            "CLAUDE_CODE_ENABLE_TELEMETRY", "1",
            "OTEL_LOGS_EXPORTER", "otlp",
            "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "http/protobuf");
    private static final String ENDPOINT_KEY = "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT";

    @Override
    String agent() {
        return "claude-code";
    }

    @Override
    Path settingsFile(InstallContext ctx) {
        if (!ctx.managed()) {
            return ctx.home().resolve(".claude").resolve("settings.json");
        }
        return switch (ctx.os()) {
            case "macos" -> Path.of("/Library/Application Support/ClaudeCode/managed-settings.json");
            case "windows" -> Path.of("C:\\Program Files\\ClaudeCode\\managed-settings.json");
            default -> Path.of("/etc/claude-code/managed-settings.json");
        };
    }

    @Override
    void apply(ObjectNode root, InstallContext ctx, List<String> notes) {
        for (String event : EVENTS) {
            ObjectNode handler;
            if (ctx.managed()) {
                handler = HookEntries.command(ctx.shim("claude-code", null), 10);
            } else {
                handler = root.objectNode();
                handler.put("type", "http");
                handler.put("url", "http://127.0.0.1:" + ctx.hookPort() + "/hook/claude-code");
                handler.putObject("headers").put("X-Agentdlp-Token", ctx.token());
                handler.put("timeout", 10);
            }
            HookEntries.addGrouped(root, event, event.contains("Tool") || event.equals("PermissionRequest") ? "*" : null, handler);
        }
        ObjectNode env = root.withObject("/env");
        ENV.forEach(env::put);
        env.put(ENDPOINT_KEY, ctx.otlpLogsEndpoint());
        notes.add("restart Claude Code sessions to load the hooks; prompt text in telemetry needs OTEL_LOG_USER_PROMPTS=1 (hooks see it anyway)");
    }

    @Override
    void remove(ObjectNode root, InstallContext ctx) {
        HookEntries.removeOurs(root);
        JsonNode env = root.get("env");
        if (env instanceof ObjectNode e) {
            ENV.forEach((k, v) -> {
                if (e.has(k) && e.get(k).asText().equals(v)) {
                    e.remove(k);
                }
            });
            if (e.has(ENDPOINT_KEY) && e.get(ENDPOINT_KEY).asText().startsWith("http://127.0.0.1:")) {
                e.remove(ENDPOINT_KEY);
            }
            if (e.isEmpty()) {
                root.remove("env");
            }
        }
    }
}
