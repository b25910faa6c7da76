package io.agentdlp.ingest.normalize;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.agentdlp.avro.EventSource;

/** A coding agent that reports through hooks: its id in hook URLs, its agent name and event source. */
public enum HookAgent {
    CLAUDE_CODE("claude-code", "claude-code", EventSource.claude_hook),
    CODEX("codex", "codex", EventSource.codex_hook),
    GEMINI("gemini", "gemini-cli", EventSource.gemini_hook),
    CURSOR("cursor", "cursor", EventSource.cursor_hook),
    COPILOT("copilot", "copilot", EventSource.copilot_hook);

    private final String id;
    private final String agentName;
    private final EventSource source;

    HookAgent(String id, String agentName, EventSource source) {
        this.id = id;
        this.agentName = agentName;
        this.source = source;
    }

    /** Id used in hook URLs ({@code /hook/<id>}) and on the command line ({@code --agent <id>}). */
    public String id() {
        return id;
    }

    /** Agent name in normalized events. */
    public String agentName() {
        return agentName;
    }

    public EventSource source() {
        return source;
    }

    /** Parses an id (case-insensitive); also accepts the agent name, e.g. {@code gemini-cli}. */
    public static HookAgent parse(String s) {
        String n = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (HookAgent a : values()) {
            if (a.id.equals(n) || a.agentName.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown agent '" + s + "' (expected one of "
                + Arrays.stream(values()).map(HookAgent::id).collect(Collectors.joining(", ")) + ")");
    }
}
