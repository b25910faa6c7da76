package io.agentdlp.alerts.trail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.agentdlp.topics.TopicSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit-trail writer: a small Kafka Streams application (its own application id, hence its own
 * consumer group, separate from the alert sinks) that reads every agent event from
 * {@code agent-egress-events} and writes its chained OCSF activity to the trail topic, exactly once.
 * Chain tips are kept in memory and restored from their compacted changelog on start, so the service
 * still has no local state to keep.
 */
public final class TrailChainer implements AutoCloseable {
    static final String TIPS_STORE = "audit-chain-tips";
    private static final Logger log = LoggerFactory.getLogger(TrailChainer.class);
    private final KafkaStreams streams;
    private final Path ownedStateDir;

    private TrailChainer(KafkaStreams streams, Path ownedStateDir) {
        this.streams = streams;
        this.ownedStateDir = ownedStateDir;
    }

    /**
     * The topology: events in, chained OCSF JSON out, keyed by session. It reads only the events' metadata
     * ({@link TopicSerdes#eventMetadataSerde()}): the trail never carries content.
     */
    public static Topology topology(String eventsTopic, String trailTopic, TopicSerdes serdes,
                                    OcsfActivityMapper mapper, TrailPolicy policy) {
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TIPS_STORE), Serdes.String(),
                Serdes.String()).withLoggingEnabled(Map.of()));
        b.stream(eventsTopic, Consumed.with(Serdes.String(), serdes.eventMetadataSerde()).withName("agent-events"))
                .process(() -> new ChainProcessor(mapper, policy), TIPS_STORE)
                .to(trailTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("audit-trail"));
        return b.build();
    }

    /**
     * Starts the application.
     *
     * @param kafka         Kafka client settings (bootstrap servers, security)
     * @param applicationId Streams application id (consumer group and internal topic prefix)
     * @param stateDir      Streams state directory (locks only: the store is in memory); null for a
     *                      temporary directory of this process, removed on close, so that two services
     *                      on one machine never contend for the same directory
     * @param guarantee     {@code exactly_once_v2} (default) or {@code at_least_once}
     */
    public static TrailChainer start(Topology topology, Map<String, Object> kafka, String applicationId,
                                     Path stateDir, String guarantee) {
        Path owned = null;
        if (stateDir == null) {
            try {
                owned = Files.createTempDirectory("agentdlp-audit-trail");
            } catch (IOException e) {
                throw new TrailException("cannot create a state directory for the audit trail writer", e);
            }
        }
        Map<String, Object> p = new HashMap<>(kafka);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, (owned != null ? owned : stateDir).toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        // nobody waits on the trail within a second, while every commit is a transaction (markers on each written
        // partition, offsets, changelog) whose broker cost does not shrink with the rate: exactly-once's 100 ms
        // default made the writer ten commits a second of fixed cost; kafka.commit.interval.ms still wins
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // for the same reason its fetches wait for 256 KB (or fetch.max.wait.ms, 500 ms) instead of returning each new
        // record batch in a request of its own
        p.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 256 * 1024);
        // transactions v2: a new transaction's first batch can meet CONCURRENT_TRANSACTIONS while the previous commit's
        // markers are written; batches pipelined behind it then fail with OutOfOrderSequenceException (broker ERROR
        // log) and are retried. One request in flight retries the first batch alone.
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        Properties props = new Properties();
        props.putAll(p);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setStateListener((now, before) ->
                log.info("event=trail_chainer_state application_id={} from={} to={}", applicationId, before, now));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("event=trail_chainer_failed application_id={} error={}", applicationId, e.getClass().getName(), e);
            // Skipping an event would leave a hole in the trail: stop and let health checks say so.
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        return new TrailChainer(streams, owned);
    }

    /** True while the application runs or rebalances. */
    public boolean healthy() {
        KafkaStreams.State s = streams.state();
        return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING
                || s == KafkaStreams.State.CREATED;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(15));
        if (ownedStateDir != null) {
            streams.cleanUp();
            deleteTree(ownedStateDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("event=trail_state_dir_not_removed dir={} error={}", root, e.getClass().getName());
        }
    }
}
