package io.agentdlp.ingest.proxy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Gemini generateContent: systemInstruction parts, contents[].parts: text, functionCall args, functionResponse. */
final class GeminiBlocks implements BlockExtractor {
    @Override
    public List<ContentBlock> blocks(JsonNode body) {
        List<ContentBlock> out = new ArrayList<>();
        JsonNode sys = body.has("systemInstruction") ? body.path("systemInstruction") : body.path("system_instruction");
        parts(out, "systemInstruction", "system", sys.path("parts"));
        JsonNode contents = body.path("contents");
        for (int c = 0; c < contents.size(); c++) {
            JsonNode content = contents.get(c);
            parts(out, "contents[" + c + "]", content.path("role").asText("user"), content.path("parts"));
        }
        return out;
    }

    private static void parts(List<ContentBlock> out, String base, String role, JsonNode parts) {
        for (int p = 0; p < parts.size(); p++) {
            JsonNode part = parts.get(p);
            String field = base + ".parts[" + p + "]";
            if (part.has("text")) {
                BlockExtractor.add(out, field + ".text", role, part.path("text"), null);
            }
            JsonNode call = part.has("functionCall") ? part.path("functionCall") : part.path("function_call");
            if (!call.isMissingNode()) {
                BlockExtractor.add(out, field + ".functionCall.args", role, call.path("args"), call.path("id").asText(null));
            }
            JsonNode resp = part.has("functionResponse") ? part.path("functionResponse") : part.path("function_response");
            if (!resp.isMissingNode()) {
                BlockExtractor.add(out, field + ".functionResponse", "tool", resp.path("response"), resp.path("id").asText(null));
            }
        }
    }
}
