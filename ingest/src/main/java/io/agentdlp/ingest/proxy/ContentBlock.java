package io.agentdlp.ingest.proxy;

/**
 * One text-bearing piece of a model request: a system prompt, a message's text, a tool call's
 * input, a tool result, a document.
 *
 * @param field     where it sits in the body, e.g. {@code messages[3].content[1].tool_result}
 * @param role      system, user, assistant, tool
 * @param text      the text (tool inputs as compact JSON)
 * @param toolUseId id of the tool call it belongs to, when any
 */
public record ContentBlock(String field, String role, String text, String toolUseId) {
}
