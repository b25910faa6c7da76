package io.agentdlp.ingest.sensor.install;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GitHub Copilot (coding agent and CLI): a repository hook file {@code .github/hooks/agentdlp.json}
 * with bash and PowerShell commands; the event name is passed to the shim because Copilot payloads
 * do not carry it. Copilot's OpenTelemetry is enabled by environment, which the report explains.
 */
final class CopilotInstaller extends JsonSettingsInstaller {
    static final List<String> EVENTS = List.of("userPromptSubmitted", "preToolUse", "postToolUse", "sessionStart",
            "sessionEnd", "errorOccurred");

    @Override
    String agent() {
        return "copilot";
    }

    @Override
    Path settingsFile(InstallContext ctx) throws InstallException {
        if (ctx.managed()) {
            throw new InstallException("Copilot hooks live in each repository (.github/hooks); use --repo <dir>, "
                    + "and distribute the file through your repository templates");
        }
        Path repo = ctx.repoDir() != null ? ctx.repoDir() : Path.of("").toAbsolutePath();
        return repo.resolve(".github").resolve("hooks").resolve("agentdlp.json");
    }

    @Override
    void apply(ObjectNode root, InstallContext ctx, List<String> notes) {
        root.put("version", 1);
        InstallContext posix = new InstallContext(ctx.dataDir(), ctx.home(), ctx.hookPort(), ctx.otlpPort(), ctx.token(),
                true, ctx.repoDir(), "linux");
        InstallContext windows = new InstallContext(ctx.dataDir(), ctx.home(), ctx.hookPort(), ctx.otlpPort(), ctx.token(),
                false, ctx.repoDir(), "windows");
        for (String event : EVENTS) {
            ObjectNode h = root.objectNode();
            h.put("type", "command");
            h.put("bash", posix.shim("copilot", event));
            h.put("powershell", windows.shim("copilot", event).replace(ctx.dataDir().toString(), "$HOME\\.agentdlp\\sensor"));
            h.put("timeoutSec", 10);
            HookEntries.addFlat(root, event, h);
        }
        notes.add("commit " + ".github/hooks/agentdlp.json" + " so the coding agent and the CLI pick it up");
        notes.add("for Copilot CLI telemetry set COPILOT_OTEL_ENABLED=true and OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:"
                + ctx.otlpPort() + " in the developer environment");
    }
}
