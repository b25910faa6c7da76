package io.agentdlp.launcher.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.normalize.AgentEventJson;
import io.agentdlp.ingest.normalize.NormalizationException;
import io.agentdlp.tuning.backtest.ReplayEvent;

/**
 * A replay set on disk: JSON Lines, one {@code agent-event/v1} object per line (the shape sensors
 * post to the gateway), optionally with ground truth in
 * {@code "labels": {"expected": ["secret:aws-access-key-id", ...]}}. Blank lines and lines starting
 * with {@code #} are skipped. Errors name the line and the field.
 */
public final class ReplayFile {
    /** The field of an event line that carries its ground truth. */
    public static final String LABELS = "labels";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayFile() {
    }

    public static List<ReplayEvent> read(Path file) throws IOException {
        List<ReplayEvent> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(parse(line, file + ":" + n));
            }
        }
        return out;
    }

    /** Parses one line; {@code where} (file:line) prefixes error messages. */
    public static ReplayEvent parse(String line, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ReplayFileException(where + ": not valid JSON (column " + e.getLocation().getColumnNr() + ")", e);
        }
        AgentEgressEvent event;
        try {
            event = AgentEventJson.read(node, "event");
        } catch (NormalizationException e) {
            throw new ReplayFileException(where + ": " + e.getMessage(), e);
        }
        return new ReplayEvent(event, labels(node.get(LABELS), where));
    }

    /** One line for {@code event} (no labels). */
    public static String eventLine(AgentEgressEvent event) {
        return AgentEventJson.write(event);
    }

    /** One line for {@code event} with its labels. */
    public static String labelledLine(ReplayEvent e) {
        if (!e.labelled()) {
            return eventLine(e.event());
        }
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(AgentEventJson.write(e.event()));
            n.putObject(LABELS).putArray("expected").addAll(e.expected().stream().map(n::textNode).toList());
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new ReplayFileException("cannot encode event " + e.event().getEventId(), ex);
        }
    }

    private static List<String> labels(JsonNode labels, String where) {
        if (labels == null || labels.isNull()) {
            return null;
        }
        JsonNode expected = labels.get("expected");
        if (!labels.isObject() || expected == null || !expected.isArray()) {
            throw new ReplayFileException(where + ": labels must be {\"expected\": [\"<detector>:<rule>\", ...]}");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode l : expected) {
            String s = l.asText("");
            if (!l.isTextual() || s.indexOf(':') <= 0 || s.endsWith(":")) {
                throw new ReplayFileException(where + ": label '" + s + "' is not <detector>:<rule>");
            }
            out.add(s);
        }
        return out;
    }
}
