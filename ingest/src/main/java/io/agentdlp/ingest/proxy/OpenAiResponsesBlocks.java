package io.agentdlp.ingest.proxy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI Responses (Codex): {@code instructions}, {@code input} as a string or items: messages with
 * input/output text parts, function and custom tool calls and their outputs. Encrypted reasoning is
 * not text.
 */
final class OpenAiResponsesBlocks implements BlockExtractor {
    @Override
    public List<ContentBlock> blocks(JsonNode body) {
        List<ContentBlock> out = new ArrayList<>();
        BlockExtractor.add(out, "instructions", "system", body.path("instructions"), null);
        JsonNode input = body.path("input");
        if (input.isTextual()) {
            BlockExtractor.add(out, "input", "user", input, null);
            return out;
        }
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String base = "input[" + i + "]";
            String callId = item.path("call_id").asText(null);
            switch (item.path("type").asText("message")) {
                case "message" -> {
                    String role = item.path("role").asText("user");
                    JsonNode content = item.path("content");
                    if (content.isTextual()) {
                        BlockExtractor.add(out, base + ".content", role, content, null);
                    } else {
                        for (int p = 0; p < content.size(); p++) {
                            if (content.get(p).has("text")) {
                                BlockExtractor.add(out, base + ".content[" + p + "]", role, content.get(p).path("text"), null);
                            }
                        }
                    }
                }
                case "function_call" -> BlockExtractor.add(out, base + ".arguments", "assistant", item.path("arguments"), callId);
                case "function_call_output" -> BlockExtractor.add(out, base + ".output", "tool", item.path("output"), callId);
                case "custom_tool_call" -> BlockExtractor.add(out, base + ".input", "assistant", item.path("input"), callId);
                case "custom_tool_call_output" -> BlockExtractor.add(out, base + ".output", "tool", item.path("output"), callId);
                default -> {
                    // reasoning summaries are model output; encrypted content is opaque
                }
            }
        }
        return out;
    }
}
