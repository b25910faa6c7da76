package io.agentdlp.ingest.samples;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.normalize.HookAgent;

/**
 * One hook payload shape of the formats document and what its normalized events must hold.
 *
 * @param name      display name
 * @param agent     calling agent
 * @param event     event name passed out of band (shim argument), or null
 * @param json      the payload
 * @param blockable whether the agent waits for a decision
 * @param expect    one assertion per expected event, in order
 */
public record HookSample(String name, HookAgent agent, String event, String json, boolean blockable,
                         List<Consumer<AgentEgressEvent>> expect) {
    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name;
    }
}
