package io.agentdlp.ingest.sensor.install;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gemini CLI: command hooks through the shim and local OTLP telemetry in {@code ~/.gemini/settings.json},
 * or the system settings with {@code --managed}. Gemini hook timeouts are in milliseconds.
 */
final class GeminiInstaller extends JsonSettingsInstaller {
    static final List<String> EVENTS = List.of("BeforeAgent", "BeforeModel", "BeforeTool", "AfterTool", "AfterAgent",
            "SessionStart", "SessionEnd");

    @Override
    String agent() {
        return "gemini";
    }

    @Override
    Path settingsFile(InstallContext ctx) {
        if (!ctx.managed()) {
            return ctx.home().resolve(".gemini").resolve("settings.json");
        }
        return switch (ctx.os()) {
            case "macos" -> Path.of("/Library/Application Support/GeminiCli/settings.json");
            case "windows" -> Path.of("C:\\ProgramData\\gemini-cli\\settings.json");
            default -> Path.of("/etc/gemini-cli/settings.json");
        };
    }

    @Override
    void apply(ObjectNode root, InstallContext ctx, List<String> notes) {
        for (String event : EVENTS) {
            HookEntries.addGrouped(root, event, event.endsWith("Tool") ? "*" : null,
                    HookEntries.command(ctx.shim("gemini", null), 10_000));
        }
        ObjectNode t = root.withObject("/telemetry");
        t.put("enabled", true);
        t.put("target", "local");
        t.put("otlpEndpoint", "http://127.0.0.1:" + ctx.otlpPort());
        t.put("otlpProtocol", "http");
        t.put("agentdlp", true);
    }

    @Override
    void remove(ObjectNode root, InstallContext ctx) {
        HookEntries.removeOurs(root);
        JsonNode t = root.get("telemetry");
        if (t instanceof ObjectNode o && o.path("agentdlp").asBoolean(false)) {
            root.remove("telemetry");
        }
    }
}
