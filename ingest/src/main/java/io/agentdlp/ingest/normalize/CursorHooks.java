package io.agentdlp.ingest.normalize;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;

/** Cursor's {@code hooks.json} payloads (camelCase event names, {@code conversation_id}, {@code workspace_roots}). */
final class CursorHooks implements HookShape {
    private final ContentFactory contents;
    private final ToolDetails tools;

    CursorHooks(ContentFactory contents) {
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
            case "beforeSubmitPrompt" -> {
                d.kind(EventKind.prompt).canBlock(true).content(contents.of(JsonPaths.text(b, "prompt"), "prompt"));
                JsonNode att = JsonPaths.node(b, "attachments");
                d.attribute("attachments", att != null && att.isArray() ? Integer.toString(att.size()) : null);
                blockable = true;
            }
            case "beforeShellExecution" -> {
                tools.call(d, "Shell", shellInput(b), null);
                d.canBlock(true);
                blockable = true;
            }
            case "afterShellExecution" -> {
                tools.result(d, "Shell", shellInput(b), null, null);
                d.content(contents.of(JsonPaths.text(b, "output"), "output"));
                d.attribute("duration", JsonPaths.text(b, "duration"));
            }
            case "beforeMCPExecution" -> {
                mcp(d, b);
                d.content(tools.inputContent(JsonPaths.text(b, "tool_name"), JsonPaths.node(b, "tool_input")));
                d.kind(EventKind.tool_call).canBlock(true);
                blockable = true;
            }
            case "afterMCPExecution" -> {
                mcp(d, b);
                d.kind(EventKind.tool_result).content(tools.responseContent(JsonPaths.node(b, "result_json")));
            }
            case "beforeReadFile" -> {
                d.kind(EventKind.file_read).canBlock(true).filePath(JsonPaths.text(b, "file_path"))
                        .tool(new Tool("ReadFile", ToolCategory.file_read, null, null))
                        .content(contents.of(JsonPaths.text(b, "content"), "content"));
                blockable = true;
            }
            case "afterFileEdit" -> d.kind(EventKind.file_write).filePath(JsonPaths.text(b, "file_path"))
                    .tool(new Tool("FileEdit", ToolCategory.file_write, null, null))
                    .content(contents.of(newStrings(JsonPaths.node(b, "edits")), "edits"));
            case "afterAgentResponse" -> d.kind(EventKind.model_response).content(contents.of(JsonPaths.text(b, "text"), "text"));
            case "afterAgentThought" -> d.kind(EventKind.other).content(contents.of(JsonPaths.text(b, "text"), "text"));
            case "preToolUse" -> {
                tools.call(d, JsonPaths.text(b, "tool_name"), JsonPaths.node(b, "tool_input"), null);
                d.canBlock(true);
                blockable = true;
            }
            case "postToolUse" -> {
                JsonNode out = JsonPaths.node(b, "tool_output");
                tools.result(d, JsonPaths.text(b, "tool_name"), JsonPaths.node(b, "tool_input"),
                        out != null ? out : JsonPaths.node(b, "tool_response"), null);
            }
            case "stop", "sessionStart", "sessionEnd" -> d.kind(EventKind.session).attribute("status", JsonPaths.text(b, "status"));
            default -> d.kind(EventKind.other);
        }
        return new HookDrafts(event, blockable, List.of(d));
    }

    private void mcp(EventDraft d, JsonNode b) {
        String name = JsonPaths.text(b, "tool_name");
        JsonNode input = JsonPaths.node(b, "tool_input");
        String url = JsonPaths.text(b, "url");
        d.tool(new Tool(name == null ? "mcp" : name, ToolCategory.mcp, input == null ? null : input.toString(),
                ToolClassifier.mcpServer(name)));
        d.destination(DestinationParser.fromUrl(url));
        d.attribute("mcp_command", JsonPaths.text(b, "command"));
    }

    private static JsonNode shellInput(JsonNode b) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        String cmd = JsonPaths.text(b, "command");
        if (cmd != null) {
            input.put("command", cmd);
        }
        String cwd = JsonPaths.text(b, "cwd");
        if (cwd != null) {
            input.put("cwd", cwd);
        }
        return input;
    }

    private static String newStrings(JsonNode edits) {
        if (edits == null || !edits.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : edits) {
            String s = JsonPaths.text(e, "new_string");
            if (s != null) {
                out.add(s);
            }
        }
        return out.isEmpty() ? null : String.join("\n", out);
    }

    private static EventDraft base(JsonNode b, String event) {
        HookAgent agent = HookAgent.CURSOR;
        String conversation = JsonPaths.text(b, "conversation_id");
        String generation = JsonPaths.text(b, "generation_id");
        JsonNode roots = JsonPaths.node(b, "workspace_roots");
        String cwd = roots != null && roots.isArray() && roots.size() > 0 ? roots.get(0).asText(null) : null;
        return new EventDraft(agent.source(), agent.agentName())
                .sessionId(conversation).turnId(generation).cwd(cwd)
                .model(JsonPaths.text(b, "model"))
                .agentVersion(JsonPaths.text(b, "cursor_version"))
                .user(null, JsonPaths.text(b, "user_email"))
                .attribute("hook_event_name", event)
                .nativeIds(event, conversation, generation);
    }
}
