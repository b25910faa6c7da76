package io.agentdlp.launcher.dev;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays {@link DemoSessions} against a running dev stack in the background and prints each new alert
 * (detector, rule, severity, session: never content) as it lands on {@code dlp-alerts}, for as long as
 * the demo runs plus a short tail.
 */
public final class DemoRun implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoRun.class);
    private static final int QUIET_WINDOWS = 4;
    private static final int SPIKE_EVENTS = 120;

    private final DevStack stack;
    private final DemoSessions sessions;
    private final PrintStream out;
    private final Duration window;
    private Thread player;
    private Thread feed;
    private volatile boolean stopping;

    /** {@code window}: the volume detector's window the quiet phases are spaced by. */
    public DemoRun(DevStack stack, OwnCodeSample ownCode, PrintStream out, Duration window) {
        this.stack = stack;
        this.sessions = new DemoSessions(URI.create("http://127.0.0.1:" + stack.sensorHookPort()),
                stack.sensor().identity().token(), ownCode);
        this.out = out;
        this.window = window;
    }

    public DemoRun start() {
        feed = new Thread(this::printAlerts, "agentdlp-demo-alerts");
        feed.setDaemon(true);
        feed.start();
        player = new Thread(this::play, "agentdlp-demo");
        player.setDaemon(true);
        player.start();
        return this;
    }

    private void play() {
        try {
            out.println("demo: replaying sessions " + sessions.sessionPrefix() + "* through the sensor "
                    + "(secrets, own code, .env read then upload); alerts follow below and in the console");
            sessions.send(sessions.immediateScenes());
            out.printf("demo: volume scene: %d quiet windows of %d s, then a burst of %d prompts%n", QUIET_WINDOWS,
                    window.toSeconds(), SPIKE_EVENTS);
            for (int w = 0; w < QUIET_WINDOWS && !stopping; w++) {
                sessions.send(sessions.quietWindow(w));
                Thread.sleep(window.toMillis());
            }
            if (!stopping) {
                sessions.send(sessions.spike(SPIKE_EVENTS));
                // an event past the burst's window moves stream time on, so the window is evaluated and closed
                Thread.sleep(window.toMillis());
                sessions.send(sessions.quietWindow(QUIET_WINDOWS));
                out.println("demo: all scenes sent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("demo: stopped: " + e.getMessage());
            log.warn("event=demo_failed error={}", e.toString());
        }
    }

    private void printAlerts() {
        Map<String, Object> cfg = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.CLIENT_ID_CONFIG, "agentdlp-demo-alerts");
        String topic = stack.topic(Topics.ALERTS);
        try (TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", stack.registryUrl()));
             KafkaConsumer<String, DlpAlert> consumer = new KafkaConsumer<>(cfg, new StringDeserializer(),
                     serdes.valueSerde(Topics.ALERTS).deserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            while (!stopping) {
                for (ConsumerRecord<String, DlpAlert> r : consumer.poll(Duration.ofMillis(200))) {
                    DlpAlert a = r.value();
                    if (a != null) {
                        out.printf("demo: ALERT %-8s %-16s %-28s session=%s%n", a.getSeverity(), a.getDetector(), a.getRuleId(),
                                a.getSessionId() == null ? "-" : a.getSessionId());
                    }
                }
            }
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                out.println("demo: alert feed stopped: " + e.getMessage());
                log.warn("event=demo_alert_feed_failed error={}", e.toString());
            }
        }
    }

    /** Waits until every scene was sent (tests and scripted runs). */
    public void awaitSent(Duration max) throws InterruptedException {
        player.join(max.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        player.interrupt();
        player.join(5_000);
        feed.join(5_000);
    }

    public DemoSessions sessions() {
        return sessions;
    }
}
