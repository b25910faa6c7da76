package io.agentdlp.ingest.normalize;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;

/**
 * Codex's {@code notify} program argument ({@code agent-turn-complete}): one prompt event for the
 * turn's input messages and one model-response event for the last assistant message. Never blocks.
 */
final class CodexNotify implements HookShape {
    private final ContentFactory contents;

    CodexNotify(ContentFactory contents) {
        this.contents = contents;
    }

    @Override
    public HookDrafts read(JsonNode b, String eventOverride) {
        String type = JsonPaths.text(b, "type");
        if (type == null) {
            throw new NormalizationException("type", "required");
        }
        List<EventDraft> drafts = new ArrayList<>();
        JsonNode inputs = JsonPaths.node(b, "input-messages");
        String prompt = inputs == null ? null : JsonPaths.strings(inputs);
        if (prompt != null) {
            drafts.add(base(b, type).kind(EventKind.prompt).content(contents.of(prompt, "input-messages")));
        }
        String answer = JsonPaths.text(b, "last-assistant-message");
        if (answer != null) {
            drafts.add(base(b, type).kind(EventKind.model_response).content(contents.of(answer, "last-assistant-message")));
        }
        if (drafts.isEmpty()) {
            drafts.add(base(b, type).kind(EventKind.session));
        }
        return new HookDrafts("notify", false, drafts);
    }

    private static EventDraft base(JsonNode b, String type) {
        String thread = JsonPaths.text(b, "thread-id");
        String turn = JsonPaths.text(b, "turn-id");
        return new EventDraft(EventSource.codex_notify, HookAgent.CODEX.agentName())
                .sessionId(thread).turnId(turn).cwd(JsonPaths.text(b, "cwd"))
                .attribute("notify_type", type)
                .nativeIds(type, thread, turn);
    }
}
