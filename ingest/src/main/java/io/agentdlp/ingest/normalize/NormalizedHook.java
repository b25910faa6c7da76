package io.agentdlp.ingest.normalize;

import java.util.List;

import io.agentdlp.avro.AgentEgressEvent;

/**
 * The events made from one hook invocation.
 *
 * @param agent     the agent that called the hook
 * @param eventName the agent's native hook event name, e.g. {@code PreToolUse}, {@code beforeShellExecution}
 * @param blockable true when the agent waits for an allow/deny answer that can stop the action
 * @param events    normalized events (usually one; a batch hook gives one per tool call)
 */
public record NormalizedHook(HookAgent agent, String eventName, boolean blockable, List<AgentEgressEvent> events) {
    public NormalizedHook {
        events = List.copyOf(events);
    }
}
