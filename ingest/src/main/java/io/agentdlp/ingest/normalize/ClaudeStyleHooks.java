package io.agentdlp.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.avro.EventKind;

/**
 * Claude Code's hook payload (snake_case, {@code hook_event_name}), also used by Codex CLI hooks and
 * by Copilot's PascalCase hook events, which select the same shape.
 */
final class ClaudeStyleHooks implements HookShape {
    private static final Set<String> SESSION = Set.of("SessionStart", "SessionEnd", "Stop", "StopFailure",
            "SubagentStart", "SubagentStop");

    private final HookAgent agent;
    private final ContentFactory contents;
    private final ToolDetails tools;

    ClaudeStyleHooks(HookAgent agent, ContentFactory contents) {
        this.agent = agent;
        this.contents = contents;
        this.tools = new ToolDetails(contents);
    }

    @Override
    public HookDrafts read(JsonNode b, String eventOverride) {
        String event = JsonPaths.text(b, "hook_event_name");
        if (event == null) {
            event = eventOverride;
        }
        if (event == null) {
            throw new NormalizationException("hook_event_name", "required");
        }
        return switch (event) {
            case "UserPromptSubmit" -> {
                EventDraft d = base(b, event).kind(EventKind.prompt).canBlock(true);
                d.content(contents.of(JsonPaths.text(b, "prompt"), "prompt"));
                yield new HookDrafts(event, true, List.of(d));
            }
            case "PreToolUse", "PermissionRequest" -> {
                EventDraft d = base(b, event).canBlock(true);
                tools.call(d, JsonPaths.text(b, "tool_name"), JsonPaths.node(b, "tool_input"), null);
                yield new HookDrafts(event, true, List.of(d));
            }
            case "PostToolUse" -> {
                EventDraft d = base(b, event);
                tools.result(d, JsonPaths.text(b, "tool_name"), JsonPaths.node(b, "tool_input"),
                        JsonPaths.node(b, "tool_response"), null);
                d.attribute("duration_ms", JsonPaths.text(b, "duration_ms"));
                yield new HookDrafts(event, false, List.of(d));
            }
            case "PostToolUseFailure" -> {
                EventDraft d = base(b, event);
                tools.result(d, JsonPaths.text(b, "tool_name"), JsonPaths.node(b, "tool_input"), null, null);
                d.content(contents.of(JsonPaths.text(b, "error"), "error"));
                d.attribute("is_interrupt", JsonPaths.text(b, "is_interrupt"));
                yield new HookDrafts(event, false, List.of(d));
            }
            case "PostToolBatch" -> batch(b, event);
            case "Notification" -> {
                EventDraft d = base(b, event);
                d.content(contents.of(JsonPaths.text(b, "message"), "message"));
                yield new HookDrafts(event, false, List.of(d));
            }
            case "PreCompact" -> {
                EventDraft d = base(b, event);
                d.content(contents.of(JsonPaths.text(b, "custom_instructions"), "custom_instructions"));
                yield new HookDrafts(event, false, List.of(d));
            }
            case "PostCompact" -> {
                EventDraft d = base(b, event);
                d.content(contents.of(JsonPaths.text(b, "compact_summary"), "compact_summary"));
                yield new HookDrafts(event, false, List.of(d));
            }
            default -> {
                EventDraft d = base(b, event).kind(SESSION.contains(event) ? EventKind.session : EventKind.other);
                d.content(contents.of(JsonPaths.text(b, "last_assistant_message"), "last_assistant_message"));
                if (d.kind() == EventKind.other && JsonPaths.text(b, "prompt") != null) {
                    d.content(contents.of(JsonPaths.text(b, "prompt"), "prompt"));
                }
                d.attribute("error", "StopFailure".equals(event) ? JsonPaths.text(b, "error") : null);
                yield new HookDrafts(event, false, List.of(d));
            }
        };
    }

    private HookDrafts batch(JsonNode b, String event) {
        JsonNode calls = JsonPaths.node(b, "tool_calls");
        if (calls != null && !calls.isArray()) {
            throw new NormalizationException("tool_calls", "must be an array");
        }
        List<EventDraft> drafts = new ArrayList<>();
        if (calls != null) {
            for (JsonNode c : calls) {
                EventDraft d = base(b, event).canBlock(true);
                d.toolUseId(JsonPaths.text(c, "tool_use_id"));
                tools.result(d, JsonPaths.text(c, "tool_name"), JsonPaths.node(c, "tool_input"),
                        JsonPaths.node(c, "tool_response"), null);
                d.nativeIds(JsonPaths.text(c, "tool_use_id"));
                drafts.add(d);
            }
        }
        return new HookDrafts(event, true, drafts);
    }

    private EventDraft base(JsonNode b, String event) {
        EventDraft d = new EventDraft(agent.source(), agent.agentName());
        String session = JsonPaths.text(b, "session_id");
        String turn = agent == HookAgent.CODEX ? JsonPaths.text(b, "turn_id") : JsonPaths.text(b, "prompt_id");
        if (turn == null) {
            turn = JsonPaths.text(b, agent == HookAgent.CODEX ? "prompt_id" : "turn_id");
        }
        String toolUse = JsonPaths.text(b, "tool_use_id");
        d.sessionId(session).turnId(turn).toolUseId(toolUse)
                .cwd(JsonPaths.text(b, "cwd"))
                .model(JsonPaths.text(b, "model"))
                .eventTime(ToolDetails.time(JsonPaths.node(b, "timestamp")))
                .attribute("hook_event_name", event)
                .attribute("permission_mode", JsonPaths.text(b, "permission_mode"))
                .attribute("agent_id", JsonPaths.text(b, "agent_id"))
                .attribute("agent_type", JsonPaths.text(b, "agent_type"))
                .attribute("transcript_path", JsonPaths.text(b, "transcript_path"))
                .attribute("effort", JsonPaths.text(b, "effort.level"))
                .attribute("session_source", JsonPaths.text(b, "source"))
                .attribute("reason", JsonPaths.text(b, "reason"))
                .attribute("notification_type", JsonPaths.text(b, "notification_type"))
                .attribute("trigger", JsonPaths.text(b, "trigger"))
                .nativeIds(event, session, turn, toolUse);
        return d;
    }
}
