package io.agentdlp.ingest.normalize;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;

/**
 * Fills the tool-related fields of a draft the same way for every agent: tool name, category and
 * compact input, the content that matters for the tool (the shell command, the written text, the
 * tool's output), the file path and the network destination.
 */
final class ToolDetails {
    private static final Pattern PATCH_FILE = Pattern.compile("(?m)^\\*\\*\\* (?:Add|Update|Delete) File: (.+)$");
    private static final String[] PATH_KEYS = {"file_path", "path", "notebook_path", "filePath", "absolute_path"};
    private static final String[] WRITE_KEYS = {"content", "file_text", "new_string", "new_str", "newText"};

    private final ContentFactory contents;

    ToolDetails(ContentFactory contents) {
        this.contents = contents;
    }

    /** A tool call: kind refined by tool, content from the input, file path and destination. */
    void call(EventDraft d, String toolName, JsonNode input, String mcpServer) {
        d.kind(ToolClassifier.callKind(toolName));
        describe(d, toolName, input, mcpServer);
        d.content(inputContent(toolName, input));
        d.destination(destination(toolName, input));
    }

    /** A tool result: content from the response, tool and file path from the input. */
    void result(EventDraft d, String toolName, JsonNode input, JsonNode response, String mcpServer) {
        d.kind(EventKind.tool_result);
        describe(d, toolName, input, mcpServer);
        d.content(responseContent(response));
        d.destination(destination(toolName, input));
    }

    private void describe(EventDraft d, String toolName, JsonNode input, String mcpServer) {
        if (toolName != null) {
            String server = mcpServer != null ? mcpServer : ToolClassifier.mcpServer(toolName);
            ToolCategory category = mcpServer != null ? ToolCategory.mcp : ToolClassifier.category(toolName);
            d.tool(new Tool(toolName, category, input == null ? null : input.toString(), server));
        }
        d.filePath(filePath(toolName, input));
    }

    /** The text of a tool's input that says what it does (null for reads: their content comes with the result). */
    Content inputContent(String toolName, JsonNode input) {
        if (input == null) {
            return null;
        }
        if (!input.isObject()) {
            return contents.of(input.isTextual() ? input.textValue() : input.toString(), "tool_input");
        }
        ToolCategory category = ToolClassifier.category(toolName);
        if (category == ToolCategory.shell) {
            JsonNode cmd = input.get("command");
            if (cmd != null && cmd.isArray()) {
                return contents.of(joinArgs(cmd), "tool_input.command");
            }
            if (cmd != null && cmd.isTextual()) {
                return contents.of(cmd.textValue(), "tool_input.command");
            }
        }
        if (category == ToolCategory.file_write) {
            for (String key : WRITE_KEYS) {
                String v = JsonPaths.text(input, key);
                if (v != null) {
                    return contents.of(v, "tool_input." + key);
                }
            }
        }
        if (ToolClassifier.callKind(toolName) == EventKind.file_read) {
            return null; // a read's input is a path; its content arrives with the result
        }
        return contents.of(JsonPaths.strings(input), "tool_input");
    }

    /** The text the model sees from a tool's response. */
    Content responseContent(JsonNode response) {
        if (response == null) {
            return null;
        }
        if (response.isTextual()) {
            return contents.of(response.textValue(), "tool_response");
        }
        if (!response.isObject()) {
            return contents.of(response.toString(), "tool_response");
        }
        String fileContent = JsonPaths.text(response, "file.content");
        if (fileContent != null) {
            return contents.of(fileContent, "tool_response.file.content");
        }
        String llm = JsonPaths.text(response, "llmContent");
        if (llm != null) {
            return contents.of(llm, "tool_response.llmContent");
        }
        String stdout = JsonPaths.text(response, "stdout");
        String stderr = JsonPaths.text(response, "stderr");
        if (stdout != null || stderr != null) {
            if (stdout != null && stderr != null) {
                return contents.of(stdout + "\n" + stderr, "tool_response.stdout+stderr");
            }
            return stdout != null ? contents.of(stdout, "tool_response.stdout") : contents.of(stderr, "tool_response.stderr");
        }
        return contents.of(JsonPaths.strings(response), "tool_response");
    }

    static String filePath(String toolName, JsonNode input) {
        if (input == null || !input.isObject()) {
            return null;
        }
        for (String key : PATH_KEYS) {
            String v = JsonPaths.text(input, key);
            if (v != null) {
                return v;
            }
        }
        if (toolName != null && toolName.equals("apply_patch")) {
            String patch = JsonPaths.strings(input);
            Matcher m = patch == null ? null : PATCH_FILE.matcher(patch);
            if (m != null && m.find()) {
                return m.group(1).trim();
            }
        }
        return null;
    }

    static Destination destination(String toolName, JsonNode input) {
        if (input == null) {
            return null;
        }
        ToolCategory category = ToolClassifier.category(toolName);
        if (category == ToolCategory.web) {
            Destination d = DestinationParser.fromUrl(JsonPaths.text(input, "url"));
            return d != null ? d : DestinationParser.firstIn(JsonPaths.strings(input));
        }
        if (category == ToolCategory.shell) {
            JsonNode cmd = input.isObject() ? input.get("command") : input;
            if (cmd == null) {
                return null;
            }
            return DestinationParser.ofCommand(cmd.isArray() ? joinArgs(cmd) : cmd.asText());
        }
        return null;
    }

    private static String joinArgs(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode a : array) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.asText());
        }
        return sb.toString();
    }

    /** A source timestamp: epoch milliseconds (number or digits) or ISO-8601 text; null when absent or unreadable. */
    static Instant time(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return Instant.ofEpochMilli(n.asLong());
        }
        String s = n.asText().trim();
        if (s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(s));
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null; // an unreadable source time falls back to the sensor clock
        }
    }
}
