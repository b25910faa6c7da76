package io.agentdlp.ingest.sensor.install;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Cursor: command hooks through the shim in {@code ~/.cursor/hooks.json}, or the enterprise hooks file with {@code --managed}. */
final class CursorInstaller extends JsonSettingsInstaller {
    static final List<String> EVENTS = List.of("beforeSubmitPrompt", "beforeShellExecution", "afterShellExecution",
            "beforeMCPExecution", "afterMCPExecution", "beforeReadFile", "afterFileEdit", "afterAgentResponse", "stop");

    @Override
    String agent() {
        return "cursor";
    }

    @Override
    Path settingsFile(InstallContext ctx) {
        if (!ctx.managed()) {
            return ctx.home().resolve(".cursor").resolve("hooks.json");
        }
        return switch (ctx.os()) {
            case "macos" -> Path.of("/Library/Application Support/Cursor/hooks.json");
            case "windows" -> Path.of("C:\\ProgramData\\Cursor\\hooks.json");
            default -> Path.of("/etc/cursor/hooks.json");
        };
    }

    @Override
    void apply(ObjectNode root, InstallContext ctx, List<String> notes) {
        root.put("version", 1);
        for (String event : EVENTS) {
            ObjectNode h = root.objectNode();
            h.put("command", ctx.shim("cursor", null));
            HookEntries.addFlat(root, event, h);
        }
        notes.add("Cursor has no OpenTelemetry export: hooks (and the egress proxy) are its only sources");
    }
}
