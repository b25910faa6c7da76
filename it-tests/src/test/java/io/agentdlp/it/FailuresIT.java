package io.agentdlp.it;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;

/**
 * Nothing lost, nothing duplicated when parts of the pipeline fail mid-stream. Alerts are counted
 * by their triggering event ids ({@link LeakWorkload}).
 */
class FailuresIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static Pipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        pipeline = Pipeline.start(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void killingOneOfTwoExactlyOnceInstancesLosesAndDuplicatesNothing() throws Exception {
        LeakWorkload w = new LeakWorkload("kill", 12);
        try (ChildTopology child = ChildTopology.start(pipeline, "killed")) {
            Await.until("in-JVM instance RUNNING after the child joined", WAIT,
                    () -> pipeline.topologies().get(0).state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
            pipeline.publish(w.round(0));
            pipeline.publish(w.round(1));
            child.kill();
            pipeline.publish(w.round(2));
        }
        w.assertEveryLeakAlertedExactlyOnce(pipeline.alerts(), WAIT);
    }

    @Test
    void stoppingABrokerMidStreamAndBringingItBackLosesNothing() {
        LeakWorkload w = new LeakWorkload("broker", 12);
        pipeline.publish(w.round(0));
        pipeline.testKit().stopBroker(1);
        try {
            pipeline.publish(w.round(1));
        } finally {
            pipeline.testKit().startBroker(1);
        }
        pipeline.publish(w.round(2));
        w.assertEveryLeakAlertedExactlyOnce(pipeline.alerts(), WAIT);
    }

    @Test
    void restartingTheRegistryMidStreamLosesNothing() {
        LeakWorkload w = new LeakWorkload("registry", 12);
        pipeline.publish(w.round(0));
        pipeline.stopRegistry();
        try {
            // Clients that already know the schema id keep producing while the registry is down.
            pipeline.publish(w.round(1));
        } finally {
            pipeline.startRegistry();
        }
        // A new client looks the schema up again in the restarted registry (rebuilt from _schemas).
        try (TopicSerdes serdes = TopicSerdes.fromConfig(pipeline.serdeConfig());
             KafkaEventPublisher fresh = KafkaEventPublisher.create(
                     Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()),
                     serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), Topics.EGRESS_EVENTS.defaultName())) {
            fresh.publish(w.round(2)).join();
        }
        w.assertEveryLeakAlertedExactlyOnce(pipeline.alerts(), WAIT);
    }

    @Test
    void aSensorWhoseGatewayIsDownFor30SecondsDeliversEveryEventOnceAfterRecovery() throws Exception {
        SensorOutage outage = new SensorOutage(pipeline, pipeline.workDir().resolve("sensor-outage"), 6);
        outage.run(Duration.ofSeconds(30), WAIT);
        outage.assertEveryEventDeliveredOnceAndAlerted(WAIT);
    }
}
