package io.agentdlp.ingest.proxy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Anthropic Messages: {@code system} (string or text blocks), {@code messages[].content} (string or
 * blocks: text, tool_use input, tool_result content, document sources). Images and thinking
 * signatures are not text and are skipped; Claude Code's billing header block is metadata.
 */
final class AnthropicBlocks implements BlockExtractor {
    @Override
    public List<ContentBlock> blocks(JsonNode body) {
        List<ContentBlock> out = new ArrayList<>();
        JsonNode system = body.path("system");
        if (system.isTextual()) {
            BlockExtractor.add(out, "system", "system", system, null);
        } else {
            for (int i = 0; i < system.size(); i++) {
                String t = system.get(i).path("text").asText("");
                if (!t.startsWith("x-anthropic-billing-header:")) {
                    BlockExtractor.add(out, "system[" + i + "]", "system", system.get(i).path("text"), null);
                }
            }
        }
        JsonNode messages = body.path("messages");
        for (int m = 0; m < messages.size(); m++) {
            JsonNode msg = messages.get(m);
            String role = msg.path("role").asText("user");
            JsonNode content = msg.path("content");
            String base = "messages[" + m + "].content";
            if (content.isTextual()) {
                BlockExtractor.add(out, base, role, content, null);
                continue;
            }
            for (int b = 0; b < content.size(); b++) {
                block(out, base + "[" + b + "]", role, content.get(b));
            }
        }
        return out;
    }

    private static void block(List<ContentBlock> out, String field, String role, JsonNode block) {
        switch (block.path("type").asText("")) {
            case "text" -> BlockExtractor.add(out, field + ".text", role, block.path("text"), null);
            case "tool_use", "server_tool_use" -> BlockExtractor.add(out, field + ".tool_use", role, block.path("input"),
                    block.path("id").asText(null));
            case "tool_result" -> {
                String id = block.path("tool_use_id").asText(null);
                JsonNode c = block.path("content");
                if (c.isTextual()) {
                    BlockExtractor.add(out, field + ".tool_result", "tool", c, id);
                } else {
                    for (int i = 0; i < c.size(); i++) {
                        if (c.get(i).has("text")) {
                            BlockExtractor.add(out, field + ".tool_result[" + i + "]", "tool", c.get(i).path("text"), id);
                        }
                    }
                }
            }
            case "document" -> {
                JsonNode src = block.path("source");
                if ("text".equals(src.path("type").asText())) {
                    BlockExtractor.add(out, field + ".document", role, src.path("data"), null);
                } else if ("content".equals(src.path("type").asText())) {
                    JsonNode parts = src.path("content");
                    for (int i = 0; i < parts.size(); i++) {
                        BlockExtractor.add(out, field + ".document[" + i + "]", role, parts.get(i).path("text"), null);
                    }
                }
            }
            default -> {
                // images, thinking, redacted_thinking: no text to scan
            }
        }
    }
}
