package io.agentdlp.ingest.proxy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** OpenAI Chat Completions: message contents (string or text parts), tool-call arguments, tool messages. */
final class OpenAiChatBlocks implements BlockExtractor {
    @Override
    public List<ContentBlock> blocks(JsonNode body) {
        List<ContentBlock> out = new ArrayList<>();
        JsonNode messages = body.path("messages");
        for (int m = 0; m < messages.size(); m++) {
            JsonNode msg = messages.get(m);
            String role = msg.path("role").asText("user");
            String base = "messages[" + m + "]";
            String toolCallId = msg.path("tool_call_id").asText(null);
            JsonNode content = msg.path("content");
            if (content.isTextual()) {
                BlockExtractor.add(out, base + ".content", role, content, toolCallId);
            } else {
                for (int p = 0; p < content.size(); p++) {
                    if (content.get(p).has("text")) {
                        BlockExtractor.add(out, base + ".content[" + p + "]", role, content.get(p).path("text"), toolCallId);
                    }
                }
            }
            JsonNode calls = msg.path("tool_calls");
            for (int c = 0; c < calls.size(); c++) {
                JsonNode call = calls.get(c);
                BlockExtractor.add(out, base + ".tool_calls[" + c + "].function.arguments", role,
                        call.path("function").path("arguments"), call.path("id").asText(null));
            }
        }
        return out;
    }
}
