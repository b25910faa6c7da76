package io.agentdlp.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/** Reader of one agent's hook payload shape. */
interface HookShape {
    /**
     * @param body          the hook's JSON input
     * @param eventOverride event name given out of band (command-hook shims for agents whose payload
     *                      does not name its event, e.g. Copilot); null when the payload names it
     */
    HookDrafts read(JsonNode body, String eventOverride);
}
