package io.agentdlp.bench.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import io.agentdlp.registry.client.CachedSchemaRegistryClient;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.DlpApplication;
import io.agentdlp.topology.DlpTopology;
import io.agentdlp.topology.config.StreamsSettings;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * Events per CPU-second of the stream thread: the real {@code KafkaStreams} running the topology
 * against the in-JVM KRaft broker ({@link EmbeddedKafka}) with production settings (commit interval
 * of the processing guarantee, record caches, RocksDB, changelogs, transactions), charging only the
 * stream threads' CPU. The broker, the producers' network threads, the global thread, RocksDB's
 * background threads and this driver are other threads and not counted, which is what "without the
 * broker in the loop" means; the stream thread's own share of consuming (parsing fetched batches),
 * producing (serialising and appending to the producer's buffer) and committing is counted, as it
 * would be in production. The events are written to the input topic before Streams starts, so the
 * thread never waits for input; the window opens once the warm-up events have been processed and
 * closes once the measured ones have (counted by {@code dlp_events_in_total}, sampled every few
 * milliseconds; the count at each sample is what is divided, not the nominal number).
 *
 * <p>Unlike {@link TopologyThroughput} (TopologyTestDriver), this includes no per-record commit:
 * TopologyTestDriver commits after every record, a stream thread every {@code commit.interval.ms}.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.StreamThreadThroughput
 * [events] [warmup] [configurations] [profile]} (names of {@link ThroughputConfigs}; default {@code default});
 * the defaults, 60,000 events after 20,000, measure the compiled steady state: after 3,000 or 4,000 warm-up
 * events the detectors' large methods are still being compiled, and runs of 8,000 after 4,000 read about
 * 1.45x more CPU per event than runs of 60,000 after 20,000 (docs/topology.md "Figures").
 * {@code profile} adds {@link ProcessorCpuWrapper}'s per-processor CPU on the stream thread over the whole run
 * (one stream thread).
 */
public final class StreamThreadThroughput {
    /** Stream threads are {@code <client id>-StreamThread-<n>}; the producer's network thread only contains that. */
    private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");

    private StreamThreadThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<String> names = args.length > 2 ? List.of(args[2].split(",")) : List.of("default");
        boolean profile = args.length > 3 && args[3].equals("profile");
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        System.out.printf(Locale.ROOT, "workload: %d events measured after %d warm-up, %d indexed files (%s code); "
                + "real KafkaStreams on the in-JVM broker, stream threads' CPU only; %s%n", events, warmup, indexed.size(),
                BenchCorpus.real() ? "real" : "generated", ThroughputConfigs.load());
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            for (String name : names) {
                var c = ThroughputConfigs.named(name);
                run(kafka, c.getKey(), c.getValue(), indexed, events, warmup, profile ? new ProcessorCpuProfile() : null);
            }
        }
        System.out.println("done; " + ThroughputConfigs.load());
    }

    private static void run(EmbeddedKafka kafka, String label, TopologyConfig base, List<BenchCorpus.Source> indexed,
                            int events, int warmup, ProcessorCpuProfile profile) throws InterruptedException {
        Path stateDir = tempDir();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String scope = "bench-broker-" + run;
        TopologyConfig config = base.with("bootstrap.servers", kafka.bootstrapServers())
                .with("application.id", "bench-" + run).with("replication.factor", "1")
                .with("schema.registry.url", MockSchemaRegistry.MOCK_URL_PREFIX + scope)
                .with("state.dir", stateDir.toString()).with("hash.key", "benchmark-hash-key-0123456789")
                .with("topic.egress-events", "events-" + run).with("topic.alerts", "alerts-" + run)
                .with("topic.code-index", "code-index-" + run).with("topic.policies", "policies-" + run)
                .with("topic.dead-letter", "dead-letter-" + run);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DlpMetrics metrics = profile == null ? new DlpMetrics(meters) : new DlpMetrics(meters, profile::cpuNow);
        try (CachedSchemaRegistryClient registry = new CachedSchemaRegistryClient(MockSchemaRegistry.scope(scope), 1000,
                Optional.empty()); TopicSerdes serdes = TopicSerdes.withClient(config.serdeConfig(), registry)) {
            createTopics(config);
            EgressWorkload workload = new EgressWorkload(20260302L, indexed);
            List<TopologyRig.Wire> wires = TopologyRig.serialise(serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(),
                    workload::next, warmup + events);
            long bytes = wires.subList(warmup, wires.size()).stream().mapToLong(TopologyRig.Wire::contentBytes).sum();
            produce(config, serdes, indexed, wires);

            Properties props = StreamsSettings.properties(config, metrics);
            StreamsBuilder builder = new StreamsBuilder();
            if (profile != null) {
                props.put(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, ProcessorCpuWrapper.class.getName());
                props.put(ProcessorCpuWrapper.PROFILE, profile);
                builder = new StreamsBuilder(new org.apache.kafka.streams.TopologyConfig(new StreamsConfig(props)));
            }
            try (DlpTopology topology = DlpTopology.buildTopology(builder, config, metrics, registry)) {
                KafkaStreams streams = new KafkaStreams(builder.build(props), props);
                streams.start();
                try {
                    Window w = measure(streams, meters, mx, warmup, warmup + events);
                    double cpu = w.cpuNanos() / 1e9;
                    System.out.printf(Locale.ROOT, "%-52s %8.0f events/CPU-s %6.1f MB/CPU-s | stream threads %d, "
                                    + "%d events in the window, wall %.0f events/s | process CPU %.0f events/CPU-s%n",
                            label, w.events() / cpu, bytes * ((double) w.events() / events) / 1e6 / cpu, w.threads(),
                            w.events(), w.events() / (w.wallNanos() / 1e9), w.events() / (w.processCpuNanos() / 1e9));
                    System.out.printf(Locale.ROOT, "    stream-thread CPU per event %.1f us (commit.interval.ms %s, %s)%n",
                            w.cpuNanos() / 1e3 / w.events(), props.getOrDefault("commit.interval.ms", "Streams default"),
                            config.string(TopologyOptions.PROCESSING_GUARANTEE));
                    System.out.printf(Locale.ROOT, "    RocksDB's own threads (flush, compaction) CPU per event %.1f us%n",
                            RocksDbThreadsCpu.nanos(w.rocksDbTicks()) / 1e3 / w.events());
                    System.out.println("    " + ProducerCounts.of(streams, w.eventsTotal()));
                    if (profile != null) {
                        streams.close(Duration.ofSeconds(30));
                        printProfile(profile, w);
                    }
                } finally {
                    streams.close(Duration.ofSeconds(30));
                    streams.cleanUp();
                }
            }
        } finally {
            deleteTree(stateDir);
        }
    }

    /**
     * What the stream threads did between the warm-up mark and the end mark; {@code eventsTotal} and
     * {@code cpuTotalNanos}: every event processed and the stream threads' CPU since they started.
     */
    private record Window(long events, long cpuNanos, long wallNanos, long processCpuNanos, int threads, long eventsTotal,
                          long cpuTotalNanos, long rocksDbTicks) {
    }

    /**
     * The profile covers the whole run (the stream thread writes it; it is read after Streams closed):
     * per-processor exclusive CPU per event over every event, the rest being Streams' own work on the
     * stream thread (polling and parsing fetches, record caches and their flushes, changelog and output
     * sends, commits and transactions) and the start-up.
     */
    private static void printProfile(ProcessorCpuProfile profile, Window w) {
        double n = w.eventsTotal();
        long clock = profile.clockCostNanos();
        long accounted = 0;
        System.out.printf(Locale.ROOT, "    whole run: %d events, stream-thread CPU %.1f us per event (start-up included); "
                + "exclusive CPU per processor (us per event, clock reads taken off):%n", w.eventsTotal(), w.cpuTotalNanos() / 1e3 / n);
        for (String p : profile.processors()) {
            long own = profile.exclusiveNanos(p);
            accounted += own;
            System.out.printf(Locale.ROOT, "      %-44s %8.1f%n", p, own / 1e3 / n);
        }
        long clockTotal = profile.clockReads() * clock;
        System.out.printf(Locale.ROOT, "      %-44s %8.1f%n", "reading the CPU clock (profiling only)", clockTotal / 1e3 / n);
        System.out.printf(Locale.ROOT, "      %-44s %8.1f%n", "rest: Streams on the stream thread",
                Math.max(0, w.cpuTotalNanos() - accounted - clockTotal) / 1e3 / n);
    }

    private static Window measure(KafkaStreams streams, SimpleMeterRegistry meters, ThreadMXBean mx, long startAt,
                                  long endAt) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long count0 = -1;
        long cpu0 = 0;
        long wall0 = 0;
        long process0 = 0;
        long rocks0 = 0;
        while (System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("Kafka Streams stopped: " + streams.state());
            }
            long count = eventsIn(meters);
            long[] threads = streamThreadIds();
            if (count0 < 0 && count >= startAt) {
                count0 = count;
                cpu0 = cpu(mx, threads);
                wall0 = System.nanoTime();
                process0 = processCpu();
                rocks0 = RocksDbThreadsCpu.ticks();
            } else if (count0 >= 0 && count >= endAt) {
                long cpuNow = cpu(mx, threads);
                return new Window(count - count0, cpuNow - cpu0, System.nanoTime() - wall0,
                        processCpu() - process0, threads.length, count, cpuNow, RocksDbThreadsCpu.ticks() - rocks0);
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("the stream threads did not process " + endAt + " events within 5 minutes; "
                + eventsIn(meters) + " so far (state " + streams.state() + ")");
    }

    private static long eventsIn(SimpleMeterRegistry meters) {
        double n = 0;
        for (Counter c : meters.find("dlp.events.in").counters()) {
            n += c.count();
        }
        return (long) n;
    }

    private static long[] streamThreadIds() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> STREAM_THREAD.matcher(t.getName()).matches())
                .mapToLong(Thread::getId).sorted().toArray();
    }

    private static long cpu(ThreadMXBean mx, long[] threads) {
        long sum = 0;
        for (long id : threads) {
            long t = mx.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void createTopics(TopologyConfig config) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.string(TopologyOptions.BOOTSTRAP_SERVERS));
        try (Admin admin = Admin.create(p)) {
            new TopicProvisioner(admin, config.topicNames(), (short) 1).ensure(DlpApplication.TOPICS);
        }
    }

    /** Writes the code index and every event (warm-up and measured) before Streams starts. */
    private static void produce(TopologyConfig config, TopicSerdes serdes, List<BenchCorpus.Source> indexed,
                                List<TopologyRig.Wire> wires) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.string(TopologyOptions.BOOTSTRAP_SERVERS));
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        String eventsTopic = config.topicNames().name(Topics.EGRESS_EVENTS);
        String indexTopic = config.topicNames().name(Topics.CODE_INDEX);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            if (config.bool(TopologyOptions.CODE_ENABLED)) {
                var keys = serdes.keySerde(Topics.CODE_INDEX).serializer();
                var values = serdes.valueSerde(Topics.CODE_INDEX).serializer();
                for (Map.Entry<String, CodeIndexRecord> r : TopologyRig.codeIndexRecords(indexed)) {
                    producer.send(new ProducerRecord<>(indexTopic, keys.serialize(indexTopic, r.getKey()),
                            values.serialize(indexTopic, r.getValue())));
                }
            }
            for (TopologyRig.Wire w : wires) {
                // Record timestamp "now": the workload's event times lie months back, and the topic's retention
                // would delete segments that old; the topology reads event time from the value (EventTimeExtractor).
                producer.send(new ProducerRecord<>(eventsTopic, w.key(), w.value()));
            }
            producer.flush();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("agentdlp-bench-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
