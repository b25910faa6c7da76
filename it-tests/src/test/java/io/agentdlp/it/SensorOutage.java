package io.agentdlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.ingest.delivery.GatewayEventPublisher;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.gateway.GatewayConfig;
import io.agentdlp.ingest.gateway.GatewayServer;
import io.agentdlp.ingest.gateway.TokenStore;
import io.agentdlp.topics.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A real sensor whose upstream, the ingest gateway, is down: Claude Code hooks are posted to the
 * sensor while nothing listens on the gateway's port, the gateway starts after the outage, and the
 * sensor's spool replays what it kept. Each session posts a start, a benign prompt and a prompt with
 * a pasted key; the expected events per hook come from the sensor's own normalizer.
 */
final class SensorOutage {
    private static final List<String> HOOKS = List.of("session-start", "prompt-benign", "prompt-pasted-key");

    private final Pipeline pipeline;
    private final Path dir;
    private final List<String> sessions = new ArrayList<>();
    private final Map<String, Integer> expectedEvents = new HashMap<>();

    SensorOutage(Pipeline pipeline, Path dir, int sessions) {
        this.pipeline = pipeline;
        this.dir = dir;
        for (int i = 0; i < sessions; i++) {
            this.sessions.add("outage-" + i + "-" + UUID.randomUUID());
        }
    }

    /** Posts every session's hooks while the gateway is down for {@code outage}, then starts it and waits for the replay. */
    void run(Duration outage, Duration timeout) throws IOException {
        int port = freePort();
        Path tokens = dir.resolve("gateway-tokens");
        String token = TokenStore.issue(tokens, "it-sensor", null);
        GatewayEventPublisher upstream = new GatewayEventPublisher(URI.create("http://127.0.0.1:" + port), token, null,
                Duration.ofSeconds(10));
        ClaudeHooks normalizer = new ClaudeHooks(PipelineScenariosIT.DEVICE);
        try (HookSensor sensor = HookSensor.start(dir.resolve("sensor"), upstream, "gateway:127.0.0.1:" + port,
                PipelineScenariosIT.DEVICE, false)) {
            long down = System.nanoTime();
            for (String s : sessions) {
                Map<String, String> v = Map.of("SESSION", s, "PROMPT", UUID.randomUUID().toString(),
                        "KEY", PipelineScenariosIT.AWS_KEY);
                for (String hook : HOOKS) {
                    assertThat(sensor.postClaudeHook(hook, v)).as("hook %s of %s", hook, s).isEqualTo(200);
                    expectedEvents.merge(s, normalizer.events(hook, v).size(), Integer::sum);
                }
            }
            Await.until("the sensor noticing the gateway is down", timeout, () -> sensor.delivery().lastFailure() != null);
            assertThat(sensor.delivery().connected()).isFalse();
            assertThat(sensor.delivery().spool().appended()).isEqualTo(expectedTotal());
            // The outage itself: its length is the scenario, not something polling could replace.
            sleepUntil(down + outage.toNanos());
            assertThat(sensor.delivery().spool().delivered()).isZero();
            assertThat(sensor.delivery().deliveredEvents()).isZero();
            KafkaEventPublisher kafka = KafkaEventPublisher.create(
                    Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()),
                    pipeline.serdes().valueSerde(Topics.EGRESS_EVENTS).serializer(), Topics.EGRESS_EVENTS.defaultName());
            // the gateway closes the publisher
            try (GatewayServer gateway = GatewayServer.start(GatewayConfig.defaults(tokens).withAddress("127.0.0.1", port),
                    kafka, Topics.EGRESS_EVENTS.defaultName(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    Clock.systemUTC())) {
                Await.until("the spool replayed to the gateway", timeout, () -> sensor.delivery().connected()
                        && sensor.delivery().spool().delivered() == expectedTotal());
                assertThat(sensor.delivery().deliveredEvents()).isEqualTo(expectedTotal());
                assertThat(sensor.delivery().rejectedEvents()).isZero();
            }
        }
    }

    private long expectedTotal() {
        return expectedEvents.values().stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * Every session's events are on {@code agent-egress-events} exactly once, and each session has
     * exactly one alert, the secret alert triggered by its pasted-key prompt alone.
     */
    void assertEveryEventDeliveredOnceAndAlerted(Duration timeout) {
        Function<List<AgentEgressEvent>, Map<String, List<AgentEgressEvent>>> bySession = all -> all.stream()
                .filter(e -> expectedEvents.containsKey(e.getSessionId()))
                .collect(Collectors.groupingBy(AgentEgressEvent::getSessionId));
        Await.until("every replayed event on the topic", timeout, () -> bySession.apply(pipeline.egressEvents()).values()
                .stream().mapToInt(List::size).sum() >= expectedTotal());
        Map<String, List<AgentEgressEvent>> delivered = bySession.apply(pipeline.egressEvents());
        Map<String, String> pastedBySession = new HashMap<>();
        for (String s : sessions) {
            List<AgentEgressEvent> events = delivered.get(s);
            assertThat(events).as("events of %s", s).hasSize(expectedEvents.get(s));
            assertThat(events.stream().map(AgentEgressEvent::getEventId).distinct()).as("distinct ids of %s", s)
                    .hasSize(events.size());
            List<AgentEgressEvent> pasted = events.stream().filter(e -> e.getContent() != null && e.getContent().getText() != null
                    && e.getContent().getText().contains(PipelineScenariosIT.AWS_KEY)).toList();
            assertThat(pasted).as("pasted prompts of %s", s).hasSize(1);
            pastedBySession.put(s, pasted.get(0).getEventId());
        }
        pipeline.alerts().awaitRecords("one alert per replayed session", timeout, rs -> new AlertView(
                rs.stream().map(r -> r.value()).toList()).inSessions(pastedBySession.keySet()).size() >= sessions.size());
        List<DlpAlert> alerts = new AlertView(pipeline.alerts().values()).inSessions(pastedBySession.keySet());
        assertThat(alerts).hasSize(sessions.size());
        for (DlpAlert a : alerts) {
            assertThat(a.getRuleId()).isEqualTo("aws-access-key-id");
            assertThat(a.getEventIds()).as("event ids of %s", a.getSessionId()).containsExactly(pastedBySession.get(a.getSessionId()));
            assertThat(a.getOccurrenceCount()).isEqualTo(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted during the outage", e);
            }
        }
    }
}
