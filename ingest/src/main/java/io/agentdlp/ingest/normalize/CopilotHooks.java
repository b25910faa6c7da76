package io.agentdlp.ingest.normalize;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.avro.EventKind;

/**
 * GitHub Copilot hooks: camelCase payloads that do not name their event (the hook configuration
 * does, so the shim passes it), {@code toolArgs} as a JSON string, Unix-millisecond timestamps.
 * PascalCase event names select the Claude-style snake_case payload.
 */
final class CopilotHooks implements HookShape {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContentFactory contents;
    private final ToolDetails tools;
    private final ClaudeStyleHooks pascalCase;

    CopilotHooks(ContentFactory contents) {
        this.contents = contents;
        this.tools = new ToolDetails(contents);
        this.pascalCase = new ClaudeStyleHooks(HookAgent.COPILOT, contents);
    }

    @Override
    public HookDrafts read(JsonNode b, String eventOverride) {
        if (JsonPaths.text(b, "hook_event_name") != null
                || (eventOverride != null && Character.isUpperCase(eventOverride.charAt(0)))) {
            return pascalCase.read(b, eventOverride);
        }
        String event = eventOverride != null ? eventOverride : JsonPaths.text(b, "hookEventName");
        if (event == null) {
            throw new NormalizationException("event", "required: Copilot payloads do not name their event; "
                    + "pass it as ?event=<name> (the shim's second argument)");
        }
        EventDraft d = base(b, event);
        boolean blockable = false;
        switch (event) {
            case "userPromptSubmitted" -> d.kind(EventKind.prompt).content(contents.of(JsonPaths.text(b, "prompt"), "prompt"));
            case "preToolUse" -> {
                tools.call(d, JsonPaths.text(b, "toolName"), toolArgs(b), null);
                d.canBlock(true);
                blockable = true;
            }
            case "postToolUse" -> {
                tools.result(d, JsonPaths.text(b, "toolName"), toolArgs(b), null, null);
                d.content(contents.of(JsonPaths.text(b, "toolResult.textResultForLlm"), "toolResult.textResultForLlm"));
                d.attribute("result_type", JsonPaths.text(b, "toolResult.resultType"));
            }
            case "errorOccurred" -> d.kind(EventKind.other).content(contents.of(JsonPaths.text(b, "error.message"), "error.message"));
            case "sessionStart", "sessionEnd", "agentStop", "subagentStop" -> d.kind(EventKind.session)
                    .attribute("reason", JsonPaths.text(b, "reason"))
                    .attribute("session_source", JsonPaths.text(b, "source"))
                    .content(contents.of(JsonPaths.text(b, "initialPrompt"), "initialPrompt"));
            default -> d.kind(EventKind.other);
        }
        return new HookDrafts(event, blockable, List.of(d));
    }

    /** {@code toolArgs} is a JSON string: parse it a second time; keep it as text when it is not JSON. */
    private static JsonNode toolArgs(JsonNode b) {
        JsonNode args = JsonPaths.node(b, "toolArgs");
        if (args == null || !args.isTextual()) {
            return args;
        }
        try {
            return JSON.readTree(args.textValue());
        } catch (JsonProcessingException e) {
            return args; // not JSON: scanned as plain text
        }
    }

    private static EventDraft base(JsonNode b, String event) {
        HookAgent agent = HookAgent.COPILOT;
        String session = JsonPaths.text(b, "sessionId");
        return new EventDraft(agent.source(), agent.agentName())
                .sessionId(session)
                .cwd(JsonPaths.text(b, "cwd"))
                .eventTime(ToolDetails.time(JsonPaths.node(b, "timestamp")))
                .attribute("hook_event_name", event)
                .nativeIds(event, session, JsonPaths.text(b, "timestamp"));
    }
}
