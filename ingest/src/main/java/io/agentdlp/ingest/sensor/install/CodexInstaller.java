package io.agentdlp.ingest.sensor.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Codex CLI: Claude-style command hooks in {@code ~/.codex/hooks.json} and an {@code [otel]} OTLP/HTTP
 * exporter in {@code ~/.codex/config.toml}, inside a marked block so uninstall removes exactly it.
 * When config.toml already has its own {@code [otel]} table it is left alone (TOML forbids a second
 * one) and the report says what to add.
 */
final class CodexInstaller implements AgentInstaller {
    static final List<String> EVENTS = List.of("UserPromptSubmit", "PreToolUse", "PermissionRequest", "PostToolUse",
            "SessionStart", "Stop");
    static final String BEGIN = "# >>> agentdlp >>>";
    static final String END = "# <<< agentdlp <<<";
    private static final Pattern OTEL_TABLE = Pattern.compile("(?m)^\\s*\\[otel]\\s*$");

    private final JsonSettingsInstaller hooks = new JsonSettingsInstaller() {
        @Override
        String agent() {
            return "codex";
        }

        @Override
        Path settingsFile(InstallContext ctx) {
            return ctx.home().resolve(".codex").resolve("hooks.json");
        }

        @Override
        void apply(ObjectNode root, InstallContext ctx, List<String> notes) {
            for (String event : EVENTS) {
                HookEntries.addGrouped(root, event, event.contains("Tool") || event.equals("PermissionRequest") ? "*" : null,
                        HookEntries.command(ctx.shim("codex", null), 10));
            }
        }
    };

    @Override
    public InstallReport install(InstallContext ctx) throws InstallException {
        if (ctx.managed()) {
            throw new InstallException("Codex has no documented managed hooks location; install per user, "
                    + "or distribute ~/.codex/hooks.json and config.toml with your device management");
        }
        InstallReport h = hooks.install(ctx);
        List<String> changed = new ArrayList<>(h.changed());
        List<String> notes = new ArrayList<>(h.notes());
        SettingsFile toml = new SettingsFile(configToml(ctx));
        String text = withoutBlock(toml.readText());
        if (OTEL_TABLE.matcher(text).find()) {
            notes.add(toml.path() + " already has an [otel] table: set exporter = { otlp-http = { endpoint = \""
                    + ctx.otlpLogsEndpoint() + "\", protocol = \"binary\" } } in it yourself");
        } else {
            String block = BEGIN + "\n[otel]\nexporter = { otlp-http = { endpoint = \"" + ctx.otlpLogsEndpoint()
                    + "\", protocol = \"binary\" } }\n" + END + "\n";
            toml.writeText(text.isEmpty() || text.endsWith("\n") ? text + block : text + "\n" + block);
            changed.add(toml.path().toString());
        }
        notes.add("Codex sends prompt text in telemetry only with log_user_prompt = true; the hooks see prompts anyway");
        return new InstallReport("codex", changed, notes);
    }

    @Override
    public InstallReport uninstall(InstallContext ctx) throws InstallException {
        InstallReport h = hooks.uninstall(ctx);
        List<String> changed = new ArrayList<>(h.changed());
        SettingsFile toml = new SettingsFile(configToml(ctx));
        if (toml.unchangedSinceInstall() && toml.restoreBackup()) {
            changed.add(toml.path() + " (restored from backup)");
        } else {
            String text = toml.readText();
            if (text.contains(BEGIN)) {
                toml.writeAfterRemoval(withoutBlock(text));
                toml.forgetBackup();
                changed.add(toml.path() + " (agentdlp block removed)");
            }
        }
        return new InstallReport("codex", changed, List.of());
    }

    private static Path configToml(InstallContext ctx) {
        return ctx.home().resolve(".codex").resolve("config.toml");
    }

    static String withoutBlock(String text) {
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < b) {
            return text;
        }
        int end = e + END.length();
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return text.substring(0, b) + text.substring(end);
    }
}
