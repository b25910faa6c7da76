package io.agentdlp.ingest.normalize;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.avro.EventKind;

/** Gemini CLI hook payloads: {@code BeforeAgent}, {@code BeforeModel}, {@code BeforeTool}, their After* pairs and session events. */
final class GeminiHooks implements HookShape {
    private final ContentFactory contents;
    private final ToolDetails tools;

    GeminiHooks(ContentFactory contents) {
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
        EventDraft d = base(b, event);
        boolean blockable = false;
        switch (event) {
            case "BeforeAgent" -> {
                d.kind(EventKind.prompt).canBlock(true).content(contents.of(JsonPaths.text(b, "prompt"), "prompt"));
                blockable = true;
            }
            case "AfterAgent" -> d.kind(EventKind.model_response)
                    .content(contents.of(JsonPaths.text(b, "prompt_response"), "prompt_response"));
            case "BeforeModel" -> {
                d.kind(EventKind.model_request).canBlock(true)
                        .model(JsonPaths.text(b, "llm_request.model"))
                        .content(contents.of(messageText(JsonPaths.node(b, "llm_request.messages")), "llm_request.messages"));
                blockable = true;
            }
            case "AfterModel" -> d.kind(EventKind.model_response)
                    .model(JsonPaths.text(b, "llm_request.model"))
                    .content(contents.of(JsonPaths.strings(JsonPaths.node(b, "llm_response")), "llm_response"));
            case "BeforeTool" -> {
                d.canBlock(true);
                String tool = JsonPaths.text(b, "tool_name");
                tools.call(d, tool, JsonPaths.node(b, "tool_input"), mcpServer(b, tool));
                blockable = true;
            }
            case "AfterTool" -> {
                String tool = JsonPaths.text(b, "tool_name");
                tools.result(d, tool, JsonPaths.node(b, "tool_input"), JsonPaths.node(b, "tool_response"), mcpServer(b, tool));
                d.attribute("tool_error", JsonPaths.text(b, "tool_response.error"));
            }
            case "SessionStart", "SessionEnd" -> d.kind(EventKind.session);
            case "Notification" -> d.content(contents.of(JsonPaths.text(b, "message"), "message"));
            default -> d.kind(EventKind.other);
        }
        return new HookDrafts(event, blockable, List.of(d));
    }

    private static String mcpServer(JsonNode b, String tool) {
        String server = JsonPaths.text(b, "mcp_context.server_name");
        return server != null ? server : ToolClassifier.mcpServer(tool);
    }

    private static String messageText(JsonNode messages) {
        if (messages == null || !messages.isArray()) {
            return JsonPaths.strings(messages);
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode m : messages) {
            String text = JsonPaths.strings(m.get("content"));
            if (text == null) {
                text = JsonPaths.strings(m.get("parts"));
            }
            if (text != null) {
                parts.add(text);
            }
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    private static EventDraft base(JsonNode b, String event) {
        HookAgent agent = HookAgent.GEMINI;
        String session = JsonPaths.text(b, "session_id");
        return new EventDraft(agent.source(), agent.agentName())
                .sessionId(session)
                .cwd(JsonPaths.text(b, "cwd"))
                .eventTime(ToolDetails.time(JsonPaths.node(b, "timestamp")))
                .attribute("hook_event_name", event)
                .attribute("transcript_path", JsonPaths.text(b, "transcript_path"))
                .attribute("reason", JsonPaths.text(b, "reason"))
                .attribute("session_source", JsonPaths.text(b, "source"))
                .nativeIds(event, session, JsonPaths.text(b, "timestamp"));
    }
}
