package io.agentdlp.ingest.proxy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Pulls every text-bearing block out of one provider's request body. */
interface BlockExtractor {
    List<ContentBlock> blocks(JsonNode body);

    static BlockExtractor of(Provider p) {
        return switch (p) {
            case ANTHROPIC_MESSAGES -> new AnthropicBlocks();
            case OPENAI_CHAT -> new OpenAiChatBlocks();
            case OPENAI_RESPONSES -> new OpenAiResponsesBlocks();
            case GEMINI -> new GeminiBlocks();
            case OTHER -> body -> List.of();
        };
    }

    /** Text of a JSON value: strings as they are, anything else as compact JSON. */
    static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : n.toString();
    }

    static void add(List<ContentBlock> out, String field, String role, JsonNode value, String toolUseId) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        String t = text(value);
        if (!t.isBlank()) {
            out.add(new ContentBlock(field, role, t, toolUseId));
        }
    }
}
