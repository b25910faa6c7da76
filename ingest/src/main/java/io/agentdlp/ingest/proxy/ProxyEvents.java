package io.agentdlp.ingest.proxy;

import io.agentdlp.avro.AgentEgressEvent;

/** Where the proxy's {@code model_request} and {@code network_request} events go (the sensor's delivery path). */
@FunctionalInterface
public interface ProxyEvents {
    void publish(AgentEgressEvent event);
}
