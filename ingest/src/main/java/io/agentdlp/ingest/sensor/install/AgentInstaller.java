package io.agentdlp.ingest.sensor.install;

import java.util.Locale;

import io.agentdlp.ingest.normalize.HookAgent;

/** Wires one agent's hooks and telemetry to the sensor, and undoes it. */
public interface AgentInstaller {
    /** Idempotent: a second install replaces agentdlp's entries instead of adding more. */
    InstallReport install(InstallContext ctx) throws InstallException;

    /** Restores the backup when the file is as the install left it, else removes only agentdlp's entries. */
    InstallReport uninstall(InstallContext ctx) throws InstallException;

    /** The installer of an agent. */
    static AgentInstaller of(HookAgent agent) {
        return switch (agent) {
            case CLAUDE_CODE -> new ClaudeCodeInstaller();
            case CODEX -> new CodexInstaller();
            case GEMINI -> new GeminiInstaller();
            case CURSOR -> new CursorInstaller();
            case COPILOT -> new CopilotInstaller();
        };
    }

    /** The OS family of this JVM: linux, macos or windows. */
    static String currentOs() {
        String n = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return n.startsWith("windows") ? "windows" : n.startsWith("mac") ? "macos" : "linux";
    }
}
