package io.agentdlp.bench.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import io.agentdlp.alerts.sink.format.ProductInfo;
import io.agentdlp.alerts.trail.OcsfActivityMapper;
import io.agentdlp.alerts.trail.TrailChainer;
import io.agentdlp.alerts.trail.TrailPolicy;
import io.agentdlp.bench.BuildUnderTest;
import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.registry.client.CachedSchemaRegistryClient;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;

/**
 * Interleaved A/B of two builds of the two other readers of {@code agent-egress-events}, in one JVM (each
 * build's {@code io.agentdlp} classes and Avro in a class loader of their own, as {@link TopologyAB} does):
 * {@code trail}, the audit trail's Kafka Streams topology ({@code TrailChainer.topology} under a
 * TopologyTestDriver, registry serde behind the client cache, default trail policy), or {@code feed}, the
 * console feed's decode and session summary ({@code FeedConsumer.summary}). Both builds get the same
 * pre-serialised {@link EgressWorkload} events, a chunk per round, alternating which goes first. Each round's
 * output must be equal: the trail's records byte for byte (keys, values, timestamps, as SHA-256), the feed's
 * summaries ({@code SessionEvent.toString}). Reports this thread's CPU µs per event and the median A/B
 * over the second half of the rounds.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.EventReadersAB
 * <classpathA> <classpathB> [trail|feed] [rounds] [events per round] [warm-up events]}; defaults trail, 20
 * rounds of 2,000 events after 5,000.
 */
public final class EventReadersAB {
    private static final long SEED = 20260302L;

    private EventReadersAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: EventReadersAB <classpathA> <classpathB> [trail|feed] [rounds] "
                    + "[events per round] [warm-up events]");
        }
        String reader = args.length > 2 ? args[2] : "trail";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int chunk = args.length > 4 ? Integer.parseInt(args[4]) : 2_000;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5_000;
        System.out.printf(Locale.ROOT, "%s: %d rounds of %d events after %d warm-up; %s%n", reader, rounds, chunk, warmup,
                ThroughputConfigs.load());
        IntToLongFunction a = side(args[0], reader, warmup, rounds * chunk);
        IntToLongFunction b = side(args[1], reader, warmup, rounds * chunk);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpuA = new double[rounds];
        double[] cpuB = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long[] out = new long[2];
            for (int k = 0; k < 2; k++) {
                boolean first = (r + k) % 2 == 0;
                long cpu0 = mx.getCurrentThreadCpuTime();
                out[first ? 0 : 1] = (first ? a : b).applyAsLong(chunk);
                (first ? cpuA : cpuB)[r] = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / chunk;
            }
            if (out[0] != out[1]) {
                throw new IllegalStateException("builds A and B give different " + reader + " output in round " + r);
            }
            System.out.printf(Locale.ROOT, "round %2d  A %7.2f  B %7.2f us/event  A/B %.2f%n", r, cpuA[r], cpuB[r],
                    cpuA[r] / cpuB[r]);
        }
        BuildUnderTest.Rounds result = new BuildUnderTest.Rounds(cpuA, cpuB, 0);
        System.out.printf(Locale.ROOT, "median of the last %d rounds: A %.2f us/event, B %.2f us/event, median A/B %.2f; %s%n",
                rounds - result.from(), result.medianA(), result.medianB(), result.medianRatio(), ThroughputConfigs.load());
    }

    private static IntToLongFunction side(String classpath, String reader, int warmup, int events) throws Exception {
        ClassLoader loader = new TopologyAB.OwnClassesFirst(classpath);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            IntToLongFunction pass = (IntToLongFunction) loader.loadClass(Side.class.getName())
                    .getConstructor(String.class, int.class, int.class).newInstance(reader, warmup, events);
            System.out.printf(Locale.ROOT, "%s: alerts from %s, serde from %s%n", classpath,
                    loader.loadClass("io.agentdlp.alerts.trail.TrailChainer").getProtectionDomain().getCodeSource().getLocation(),
                    loader.loadClass("io.agentdlp.serde.WireFormatReader").getProtectionDomain().getCodeSource().getLocation());
            return n -> {
                thread.setContextClassLoader(loader);
                try {
                    return pass.applyAsLong(n);
                } finally {
                    thread.setContextClassLoader(previous);
                }
            };
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** One build's reader, loaded by that build's class loader; each pass returns a digest of its output. */
    public static final class Side implements IntToLongFunction {
        private final List<TopologyRig.Wire> events;
        private final IntToLongFunction reader;
        /** Reads one warm-up event, its output dropped. */
        private Consumer<TopologyRig.Wire> pipe;
        private int next;

        public Side(String reader, int warmup, int events) throws Exception {
            String scope = "bench-" + UUID.randomUUID();
            Map<String, String> config = Map.of("schema.registry.url", MockSchemaRegistry.MOCK_URL_PREFIX + scope);
            CachedSchemaRegistryClient registry = new CachedSchemaRegistryClient(MockSchemaRegistry.scope(scope), 1000,
                    Optional.empty());
            TopicSerdes serdes = TopicSerdes.withClient(config, registry);
            EgressWorkload workload = new EgressWorkload(SEED, BenchCorpus.sources(2L << 20));
            List<TopologyRig.Wire> warm = TopologyRig.serialise(serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(),
                    workload::next, warmup);
            this.events = TopologyRig.serialise(serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), workload::next, events);
            this.reader = switch (reader) {
                case "trail" -> trail(serdes);
                case "feed" -> feed(serdes);
                default -> throw new IllegalArgumentException("reader " + reader + ": trail or feed");
            };
            for (TopologyRig.Wire w : warm) {
                pipe.accept(w);
            }
            this.reader.applyAsLong(0);
        }

        private IntToLongFunction trail(TopicSerdes serdes) throws Exception {
            TrailPolicy policy = TrailPolicy.defaults();
            OcsfActivityMapper mapper = new OcsfActivityMapper(new ProductInfo("agentdlp", "agentdlp", "bench"), policy);
            Topology topology;
            try {
                Method m = TrailChainer.class.getMethod("topology", String.class, String.class, TopicSerdes.class,
                        OcsfActivityMapper.class, TrailPolicy.class);
                topology = (Topology) m.invoke(null, "events", "trail", serdes, mapper, policy);
            } catch (NoSuchMethodException e) {
                Method m = TrailChainer.class.getMethod("topology", String.class, String.class, Serde.class,
                        OcsfActivityMapper.class, TrailPolicy.class);
                topology = (Topology) m.invoke(null, "events", "trail", serdes.valueSerde(Topics.EGRESS_EVENTS), mapper, policy);
            }
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, "trail-bench");
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            TopologyTestDriver driver = new TopologyTestDriver(topology, p, Instant.parse("2026-03-02T09:00:00Z"));
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("events", new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic("trail", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            MessageDigest sha = sha256();
            pipe = w -> in.pipeInput(w.key(), w.value(), w.time());
            return n -> {
                int end = Math.min(events.size(), next + n);
                for (; next < end; next++) {
                    TopologyRig.Wire w = events.get(next);
                    in.pipeInput(w.key(), w.value(), w.time());
                }
                for (TestRecord<byte[], byte[]> r : out.readRecordsToList()) {
                    sha.update(r.key());
                    sha.update(r.value());
                    sha.update(Long.toString(r.timestamp()).getBytes(StandardCharsets.US_ASCII));
                }
                return Arrays.hashCode(sha.digest());
            };
        }

        @SuppressWarnings("unchecked")
        private IntToLongFunction feed(TopicSerdes serdes) throws Exception {
            Class<?> feedClass = Class.forName("io.agentdlp.alerts.feed.FeedConsumer");
            Method summary = Arrays.stream(feedClass.getDeclaredMethods()).filter(m -> m.getName().equals("summary"))
                    .findFirst().orElseThrow();
            summary.setAccessible(true);
            Deserializer<Object> deserializer;
            if (summary.getParameterTypes()[0].getName().equals("io.agentdlp.avro.AgentEgressEvent")) {
                deserializer = (Deserializer<Object>) (Deserializer<?>) serdes.valueSerde(Topics.EGRESS_EVENTS).deserializer();
            } else {
                deserializer = (Deserializer<Object>) TopicSerdes.class.getMethod("eventMetadataDeserializer").invoke(serdes);
            }
            MessageDigest sha = sha256();
            String topic = Topics.EGRESS_EVENTS.defaultName();
            pipe = w -> {
                try {
                    summary.invoke(null, deserializer.deserialize(topic, w.value()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
            return n -> {
                int end = Math.min(events.size(), next + n);
                try {
                    for (; next < end; next++) {
                        Object s = summary.invoke(null, deserializer.deserialize(topic, events.get(next).value()));
                        sha.update(s.toString().getBytes(StandardCharsets.UTF_8));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                return Arrays.hashCode(sha.digest());
            };
        }

        private static MessageDigest sha256() throws NoSuchAlgorithmException {
            return MessageDigest.getInstance("SHA-256");
        }

        @Override
        public long applyAsLong(int n) {
            return reader.applyAsLong(n);
        }
    }
}
