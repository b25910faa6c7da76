package io.agentdlp.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.HookAgent;
import io.agentdlp.ingest.normalize.HookNormalizer;
import io.agentdlp.ingest.normalize.RepoLookup;

/**
 * Claude Code hook inputs exactly as the agent posts them (shapes from the formats document, in
 * {@code src/test/resources/hooks/claude}), turned into events by the sensor's own normalizer.
 * Templates carry {@code ${SESSION}}, {@code ${PROMPT}} and {@code ${KEY}} placeholders so each test
 * uses its own session.
 */
final class ClaudeHooks {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final HookNormalizer normalizer;

    ClaudeHooks(DeviceContext device) {
        normalizer = new HookNormalizer(device, RepoLookup.none(), ContentFactory.standard(), Clock.systemUTC());
    }

    /** The events the sensor publishes for one hook invocation. */
    List<AgentEgressEvent> events(String template, Map<String, String> values) {
        return normalizer.normalize(HookAgent.CLAUDE_CODE, null, body(template, values)).events();
    }

    /** {@code text} escaped for a JSON string (the {@code ${TEXT}} placeholder of {@code prompt-text}). */
    static String jsonText(String text) {
        try {
            String quoted = JSON.writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a prompt as JSON", e);
        }
    }

    static byte[] body(String template, Map<String, String> values) {
        String text;
        try (InputStream in = ClaudeHooks.class.getResourceAsStream("/hooks/claude/" + template + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no hook template " + template);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
