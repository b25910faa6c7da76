package io.agentdlp.alerts.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.agentdlp.alerts.RandomEvents;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.events.EventMetadata;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The feed's session summaries, read from event metadata, equal those it built from Avro's whole events
 * ({@link #summaryOfWholeEvent}: the summary before the change, kept as the oracle) on random events.
 */
class SessionSummaryEquivalenceTest {
    private final String scope = "feed-equivalence-" + UUID.randomUUID();
    private final TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", "mock://" + scope));

    @AfterEach
    void drop() {
        serdes.close();
        MockSchemaRegistry.drop(scope);
    }

    @Test
    void summariesOfMetadataEqualSummariesOfWholeEvents() {
        Serde<AgentEgressEvent> whole = serdes.valueSerde(Topics.EGRESS_EVENTS);
        Deserializer<EventMetadata> metadata = serdes.eventMetadataDeserializer();
        Random rnd = new Random(20261125);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = whole.serializer().serialize("events", RandomEvents.event(rnd));
            EventMetadata m = metadata.deserialize("events", null, bytes);
            AgentEgressEvent e = whole.deserializer().deserialize("events", null, bytes);
            assertThat(m.sessionId()).as("event " + i).isEqualTo(e.getSessionId());
            assertThat(FeedConsumer.summary(m)).as("event " + i).isEqualTo(summaryOfWholeEvent(e));
        }
    }

    private static SessionEvent summaryOfWholeEvent(AgentEgressEvent e) {
        return new SessionEvent(e.getEventId(), e.getEventTime(), e.getKind().name(), e.getSource().name(),
                e.getTool() == null ? null : e.getTool().getName(),
                e.getDestination() == null ? null : e.getDestination().getHost(),
                e.getFilePath(),
                e.getContent() == null ? -1 : e.getContent().getBytes(),
                e.getFindings().size());
    }
}
