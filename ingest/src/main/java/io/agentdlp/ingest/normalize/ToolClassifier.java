package io.agentdlp.ingest.normalize;

import java.util.Locale;
import java.util.Set;

import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.ToolCategory;

/**
 * Normalized category of a tool across agents (Claude Code, Codex, Gemini CLI, Cursor, Copilot name
 * the same operations differently), and the refinement of a tool call's kind: reading a file is
 * {@code file_read}, writing one {@code file_write}, a web tool {@code network_request}.
 */
public final class ToolClassifier {
    private static final Set<String> SHELL = Set.of("bash", "powershell", "shell", "exec_command", "local_shell",
            "run_shell_command", "container.exec", "terminal", "run_in_terminal");
    private static final Set<String> READ = Set.of("read", "notebookread", "read_file", "read_many_files", "view");
    private static final Set<String> SEARCH = Set.of("glob", "grep", "ls", "list_directory", "search_file_content",
            "glob_tool", "codebase_search", "file_search");
    private static final Set<String> WRITE = Set.of("write", "edit", "multiedit", "notebookedit", "write_file",
            "replace", "create", "apply_patch", "str_replace_editor", "edit_file");
    private static final Set<String> WEB = Set.of("webfetch", "websearch", "web_fetch", "google_web_search",
            "web_search", "fetch");
    private static final Set<String> AGENT = Set.of("agent", "task", "delegate_to_agent");

    private ToolClassifier() {
    }

    /** Category of a tool by name. */
    public static ToolCategory category(String toolName) {
        if (toolName == null) {
            return ToolCategory.other;
        }
        if (isMcp(toolName)) {
            return ToolCategory.mcp;
        }
        String n = toolName.toLowerCase(Locale.ROOT);
        if (SHELL.contains(n)) {
            return ToolCategory.shell;
        }
        if (READ.contains(n) || SEARCH.contains(n)) {
            return ToolCategory.file_read;
        }
        if (WRITE.contains(n)) {
            return ToolCategory.file_write;
        }
        if (WEB.contains(n)) {
            return ToolCategory.web;
        }
        if (AGENT.contains(n)) {
            return ToolCategory.agent;
        }
        return ToolCategory.other;
    }

    /** Kind of a call of this tool: file_read, file_write, network_request or tool_call. */
    public static EventKind callKind(String toolName) {
        if (toolName == null || isMcp(toolName)) {
            return EventKind.tool_call;
        }
        String n = toolName.toLowerCase(Locale.ROOT);
        if (READ.contains(n)) {
            return EventKind.file_read;
        }
        if (WRITE.contains(n)) {
            return EventKind.file_write;
        }
        if (WEB.contains(n)) {
            return EventKind.network_request;
        }
        return EventKind.tool_call;
    }

    /** True for MCP tool names: {@code mcp__server__tool} (Claude, Codex) or {@code mcp_server_tool} (Gemini). */
    public static boolean isMcp(String toolName) {
        return toolName != null && toolName.startsWith("mcp_");
    }

    /** MCP server of an MCP tool name, or null. */
    public static String mcpServer(String toolName) {
        if (toolName == null) {
            return null;
        }
        if (toolName.startsWith("mcp__")) {
            int end = toolName.indexOf("__", 5);
            return end > 5 ? toolName.substring(5, end) : null;
        }
        if (toolName.startsWith("mcp_")) {
            int end = toolName.indexOf('_', 4);
            return end > 4 ? toolName.substring(4, end) : null;
        }
        return null;
    }
}
