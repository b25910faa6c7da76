package io.agentdlp.it;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.User;
import io.agentdlp.ingest.normalize.ContentFactory;

/** Model-request events as the egress proxy publishes them: the conversation text sent to a provider. */
final class ProxyRequests {
    static final String DEVICE = "dev-laptop-ana";
    static final String USER = "ana";
    static final String EMAIL = "ana@acme.example";
    private static final ContentFactory CONTENT = ContentFactory.standard();

    private ProxyRequests() {
    }

    static AgentEgressEvent modelRequest(String session, Instant t, String text) {
        return modelRequest(USER, session, t, text);
    }

    static AgentEgressEvent modelRequest(String user, String session, Instant t, String text) {
        return AgentEgressEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventTime(t)
                .setIngestTime(t)
                .setSource(EventSource.proxy)
                .setDevice(Device.newBuilder().setId(DEVICE).setOs("linux").build())
                .setUser(User.newBuilder().setId(user).setEmail(user.equals(USER) ? EMAIL : null).build())
                .setAgent(Agent.newBuilder().setName("claude-code").setVersion("2.1.240").build())
                .setSessionId(session)
                .setKind(EventKind.model_request)
                .setDestination(Destination.newBuilder().setHost("api.anthropic.com")
                        .setUrl("https://api.anthropic.com/v1/messages").build())
                .setContent(CONTENT.of(text, "messages"))
                .setCanBlock(true)
                .setAttributes(Map.of())
                .build();
    }
}
