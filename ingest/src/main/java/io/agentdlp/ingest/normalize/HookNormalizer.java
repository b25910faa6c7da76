package io.agentdlp.ingest.normalize;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.avro.AgentEgressEvent;

/**
 * Turns one hook invocation of any supported agent into normalized events: parses the JSON,
 * dispatches on the agent's payload shape, stamps device, user, repository and idempotent ids.
 * Thread-safe.
 */
public final class HookNormalizer {
    /** Event name of Codex's {@code notify} program (not a hook, but delivered through the same shim). */
    public static final String CODEX_NOTIFY = "notify";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DeviceContext device;
    private final RepoLookup repos;
    private final Clock clock;
    private final Map<HookAgent, HookShape> shapes = new EnumMap<>(HookAgent.class);
    private final CodexNotify codexNotify;

    public HookNormalizer(DeviceContext device, RepoLookup repos, ContentFactory contents, Clock clock) {
        this.device = device;
        this.repos = repos;
        this.clock = clock;
        shapes.put(HookAgent.CLAUDE_CODE, new ClaudeStyleHooks(HookAgent.CLAUDE_CODE, contents));
        shapes.put(HookAgent.CODEX, new ClaudeStyleHooks(HookAgent.CODEX, contents));
        shapes.put(HookAgent.GEMINI, new GeminiHooks(contents));
        shapes.put(HookAgent.CURSOR, new CursorHooks(contents));
        shapes.put(HookAgent.COPILOT, new CopilotHooks(contents));
        this.codexNotify = new CodexNotify(contents);
    }

    /**
     * @param agent         the calling agent
     * @param eventOverride event name from the hook configuration, or null when the payload names it
     * @param body          the hook's JSON input, as received
     * @throws NormalizationException when the body is not a JSON object or lacks what identifies the event
     */
    public NormalizedHook normalize(HookAgent agent, String eventOverride, byte[] body) {
        JsonNode root = parse(body);
        HookShape shape = agent == HookAgent.CODEX && CODEX_NOTIFY.equals(eventOverride) ? codexNotify : shapes.get(agent);
        HookDrafts drafts = shape.read(root, eventOverride);
        byte[] digest = EventIds.digest(body);
        Instant now = clock.instant();
        List<AgentEgressEvent> events = new ArrayList<>(drafts.drafts().size());
        for (int i = 0; i < drafts.drafts().size(); i++) {
            events.add(drafts.drafts().get(i).build(device, repos, digest, i, now));
        }
        return new NormalizedHook(agent, drafts.eventName(), drafts.blockable(), events);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new NormalizationException("body", "empty; expected the hook's JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending token, which may be payload content: position only
            throw new NormalizationException("body", "not valid JSON (error at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new NormalizationException("body", "unreadable", e);
        }
        if (root == null || !root.isObject()) {
            throw new NormalizationException("body", "expected a JSON object");
        }
        return root;
    }
}
