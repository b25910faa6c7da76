package io.agentdlp.ingest.sensor.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.ingest.normalize.HookAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private InstallContext ctx(boolean managed) {
        return new InstallContext(home.resolve(".agentdlp/sensor"), home, 7788, 4318, "tok-123", managed, home.resolve("repo"), "linux");
    }

    private JsonNode json(Path p) throws Exception {
        return JSON.readTree(Files.readString(p));
    }

    @Test
    void claudeCodeUserInstallUsesHttpHooksWithTheTokenAndTelemetry() throws Exception {
        Path settings = home.resolve(".claude/settings.json");
        Files.createDirectories(settings.getParent());
        String original = "{\n  \"model\": \"opus\",\n  \"hooks\": {\"PreToolUse\": [{\"matcher\": \"Bash\", \"hooks\": [{\"type\": \"command\", \"command\": \"lint.sh\"}]}]}\n}\n";
        Files.writeString(settings, original);

        AgentInstaller.of(HookAgent.CLAUDE_CODE).install(ctx(false));
        String once = Files.readString(settings);
        AgentInstaller.of(HookAgent.CLAUDE_CODE).install(ctx(false));
        assertThat(Files.readString(settings)).as("idempotent").isEqualTo(once);

        JsonNode s = json(settings);
        assertThat(s.get("model").asText()).isEqualTo("opus");
        JsonNode pre = s.get("hooks").get("PreToolUse");
        assertThat(pre).hasSize(2);
        assertThat(pre.get(0).get("hooks").get(0).get("command").asText()).isEqualTo("lint.sh");
        JsonNode ours = pre.get(1);
        assertThat(ours.get("matcher").asText()).isEqualTo("*");
        assertThat(ours.get("hooks").get(0).get("type").asText()).isEqualTo("http");
        assertThat(ours.get("hooks").get(0).get("url").asText()).isEqualTo("http://127.0.0.1:7788/hook/claude-code");
        assertThat(ours.get("hooks").get(0).get("headers").get("X-Agentdlp-Token").asText()).isEqualTo("tok-123");
        assertThat(s.get("hooks").get("UserPromptSubmit").get(0).has("matcher")).isFalse();
        assertThat(s.get("env").get("CLAUDE_CODE_ENABLE_TELEMETRY").asText()).isEqualTo("1");
        assertThat(s.get("env").get("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT").asText()).isEqualTo("http://127.0.0.1:4318/v1/logs");

        AgentInstaller.of(HookAgent.CLAUDE_CODE).uninstall(ctx(false));
        assertThat(Files.readString(settings)).as("restored byte for byte").isEqualTo(original);
        assertThat(Files.exists(home.resolve(".claude/settings.json.agentdlp-backup"))).isFalse();
    }

    @Test
    void uninstallKeepsEditsMadeAfterTheInstall() throws Exception {
        AgentInstaller.of(HookAgent.CLAUDE_CODE).install(ctx(false));
        Path settings = home.resolve(".claude/settings.json");
        String edited = Files.readString(settings).replaceFirst("\\{", "{\n  \"theme\": \"dark\",");
        Files.writeString(settings, edited);

        AgentInstaller.of(HookAgent.CLAUDE_CODE).uninstall(ctx(false));

        JsonNode s = json(settings);
        assertThat(s.get("theme").asText()).isEqualTo("dark");
        assertThat(s.has("hooks")).isFalse();
        assertThat(s.has("env")).isFalse();
    }

    @Test
    void claudeManagedInstallUsesTheShimAndNoToken() throws Exception {
        ClaudeCodeInstaller i = new ClaudeCodeInstaller();
        assertThat(i.settingsFile(ctx(true))).isEqualTo(Path.of("/etc/claude-code/managed-settings.json"));
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        i.apply(root, ctx(true), new java.util.ArrayList<>());
        JsonNode h = root.get("hooks").get("PreToolUse").get(0).get("hooks").get(0);
        assertThat(h.get("type").asText()).isEqualTo("command");
        assertThat(h.get("command").asText()).isEqualTo("sh \"$HOME/.agentdlp/sensor/bin/agentdlp-hook.sh\" claude-code");
        assertThat(root.toString()).doesNotContain("tok-123");
    }

    @Test
    void geminiCursorCopilotAndCodexInstallAndUninstallCleanly() throws Exception {
        for (HookAgent a : new HookAgent[] {HookAgent.GEMINI, HookAgent.CURSOR, HookAgent.COPILOT, HookAgent.CODEX}) {
            InstallReport r = AgentInstaller.of(a).install(ctx(false));
            assertThat(r.changed()).as(a.id()).isNotEmpty();
            AgentInstaller.of(a).install(ctx(false));
        }
        JsonNode gemini = json(home.resolve(".gemini/settings.json"));
        assertThat(gemini.get("hooks").get("BeforeTool")).hasSize(1);
        assertThat(gemini.get("hooks").get("BeforeTool").get(0).get("hooks").get(0).get("timeout").asInt()).isEqualTo(10_000);
        assertThat(gemini.get("telemetry").get("otlpEndpoint").asText()).isEqualTo("http://127.0.0.1:4318");
        JsonNode cursor = json(home.resolve(".cursor/hooks.json"));
        assertThat(cursor.get("version").asInt()).isEqualTo(1);
        assertThat(cursor.get("hooks").get("beforeShellExecution")).hasSize(1);
        assertThat(cursor.get("hooks").get("beforeShellExecution").get(0).get("command").asText())
                .isEqualTo("sh \"" + home.resolve(".agentdlp/sensor/bin/agentdlp-hook.sh") + "\" cursor");
        JsonNode copilot = json(home.resolve("repo/.github/hooks/agentdlp.json"));
        assertThat(copilot.get("hooks").get("preToolUse").get(0).get("bash").asText())
                .isEqualTo("sh \"$HOME/.agentdlp/sensor/bin/agentdlp-hook.sh\" copilot preToolUse");
        assertThat(copilot.get("hooks").get("preToolUse").get(0).get("powershell").asText()).contains("agentdlp-hook.ps1\" copilot preToolUse");
        assertThat(json(home.resolve(".codex/hooks.json")).get("hooks").get("PreToolUse")).hasSize(1);
        String toml = Files.readString(home.resolve(".codex/config.toml"));
        assertThat(toml).containsOnlyOnce("[otel]").contains("endpoint = \"http://127.0.0.1:4318/v1/logs\", protocol = \"binary\"");

        for (HookAgent a : new HookAgent[] {HookAgent.GEMINI, HookAgent.CURSOR, HookAgent.COPILOT, HookAgent.CODEX}) {
            AgentInstaller.of(a).uninstall(ctx(false));
        }
        assertThat(home.resolve(".gemini/settings.json")).doesNotExist();
        assertThat(home.resolve(".cursor/hooks.json")).doesNotExist();
        assertThat(home.resolve("repo/.github/hooks/agentdlp.json")).doesNotExist();
        assertThat(home.resolve(".codex/config.toml")).doesNotExist();
    }

    @Test
    void codexLeavesAnExistingOtelTableAlone() throws Exception {
        Path toml = home.resolve(".codex/config.toml");
        Files.createDirectories(toml.getParent());
        String original = "model = \"gpt-5-codex\"\n\n[otel]\nexporter = \"none\"\n";
        Files.writeString(toml, original, StandardCharsets.UTF_8);
        InstallReport r = AgentInstaller.of(HookAgent.CODEX).install(ctx(false));
        assertThat(Files.readString(toml)).isEqualTo(original);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("already has an [otel] table"));
    }

    @Test
    void brokenSettingsAreReportedNotOverwritten() throws Exception {
        Path settings = home.resolve(".claude/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{ \"hooks\": ");
        assertThatThrownBy(() -> AgentInstaller.of(HookAgent.CLAUDE_CODE).install(ctx(false)))
                .isInstanceOf(InstallException.class).hasMessageContaining("is not valid JSON");
        assertThat(Files.readString(settings)).isEqualTo("{ \"hooks\": ");
        assertThatThrownBy(() -> AgentInstaller.of(HookAgent.CODEX).install(ctx(true))).isInstanceOf(InstallException.class);
    }

    @Test
    void shimsAreWrittenExecutable() throws Exception {
        Path bin = ShimFiles.write(home.resolve(".agentdlp/sensor"));
        assertThat(bin.resolve(ShimFiles.SH)).isExecutable();
        assertThat(Files.readString(bin.resolve(ShimFiles.SH))).startsWith("#!/bin/sh");
        assertThat(Files.readString(bin.resolve(ShimFiles.PS1))).contains("Invoke-WebRequest");
    }
}
