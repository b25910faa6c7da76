package io.agentdlp.ingest.sensor.install;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Edits hook configuration in the layouts the agents use: Claude-style {@code hooks.<Event>[] →
 * {matcher, hooks[]}} (Claude Code, Codex, Gemini CLI) and flat {@code hooks.<event>[] → handler}
 * (Cursor, Copilot). agentdlp's handlers are recognised by the shim name or the sensor's hook URL.
 */
final class HookEntries {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private HookEntries() {
    }

    static boolean ours(JsonNode handler) {
        String all = handler.toString();
        return all.contains(ShimFiles.SH) || all.contains(ShimFiles.PS1) || all.contains("127.0.0.1:") && all.contains("/hook/");
    }

    /** Adds a matcher group holding {@code handler} under {@code hooks.<event>}. */
    static void addGrouped(ObjectNode root, String event, String matcher, ObjectNode handler) {
        ArrayNode groups = root.withObject("/hooks").withArray(event);
        ObjectNode group = F.objectNode();
        if (matcher != null) {
            group.put("matcher", matcher);
        }
        group.putArray("hooks").add(handler);
        groups.add(group);
    }

    /** Adds a handler directly under {@code hooks.<event>}. */
    static void addFlat(ObjectNode root, String event, ObjectNode handler) {
        root.withObject("/hooks").withArray(event).add(handler);
    }

    /** Removes every agentdlp handler (both layouts), then empty groups, events and the hooks object. */
    static void removeOurs(ObjectNode root) {
        JsonNode hooks = root.get("hooks");
        if (!(hooks instanceof ObjectNode h)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> events = h.fields(); events.hasNext(); ) {
            Map.Entry<String, JsonNode> ev = events.next();
            if (!(ev.getValue() instanceof ArrayNode entries)) {
                continue;
            }
            for (int i = entries.size() - 1; i >= 0; i--) {
                JsonNode entry = entries.get(i);
                if (entry.has("hooks") && entry.get("hooks") instanceof ArrayNode inner) {
                    for (int j = inner.size() - 1; j >= 0; j--) {
                        if (ours(inner.get(j))) {
                            inner.remove(j);
                        }
                    }
                    if (inner.isEmpty()) {
                        entries.remove(i);
                    }
                } else if (ours(entry)) {
                    entries.remove(i);
                }
            }
            if (entries.isEmpty()) {
                events.remove();
            }
        }
        if (h.isEmpty()) {
            root.remove("hooks");
        }
    }

    static ObjectNode command(String command, int timeout) {
        ObjectNode n = F.objectNode();
        n.put("type", "command");
        n.put("command", command);
        n.put("timeout", timeout);
        return n;
    }
}
