package io.agentdlp.bench.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * CPU per event of the gateway's producer settings for each compression codec, against an in-JVM broker:
 * the gateway's producer ({@link KafkaEventPublisher#defaults()} with only {@code compression.type}
 * changed), the broker appending and serving it, and one reader of the events topic (the path has three).
 * Events are windows of this repository's source and docs (code and prose) with log-normal sizes around a
 * 2 KB median, capped at 200 KB, sent as the gateway does: requests of 10 events from 8 concurrent senders,
 * each waiting for its acknowledgements. CPU is per-thread CPU time ({@link ThreadMXBean}), so other load on
 * the machine disturbs it little. Each codec runs twice; the second round is reported.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.ingest.ProducerCompressionCpu [events] [repo root]}.
 */
public final class ProducerCompressionCpu {
    private static final List<String> CODECS = List.of("none", "lz4", "zstd", "snappy", "gzip");
    private static final int SENDERS = 8;
    private static final int PER_REQUEST = 10;

    private ProducerCompressionCpu() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        String corpus = corpus(Path.of(args.length > 1 ? args[1] : "."));
        List<byte[]> values = values(corpus, events, new Random(42));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // long-lived sender and consumer threads: a thread's CPU time is gone once it ended
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> new Thread(r, "compression-producer-sender"));
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "compression-consumer"));
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            System.out.printf(Locale.ROOT, "%d events, mean %.0f bytes; %d senders x %d events per request; per event:%n", events,
                    values.stream().mapToInt(v -> v.length).average().orElse(0), SENDERS, PER_REQUEST);
            System.out.println("codec   producer_us broker_us consumer_us total_us stored_bytes");
            for (int round = 0; round < 2; round++) {
                for (String codec : CODECS) {
                    String topic = "events-" + codec + "-" + round;
                    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                        admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
                    }
                    Map<String, Long> before = cpuByRole(mx);
                    long network = produce(senders, kafka.bootstrapServers(), topic, codec, values, mx);
                    consume(reader, kafka.bootstrapServers(), topic, values.size());
                    Map<String, Long> after = cpuByRole(mx);
                    long stored = storedBytes(kafka.dataDir(), topic);
                    if (round == 1) {
                        double p = us(after, before, "producer", events) + network / 1e3 / events;
                        double b = us(after, before, "broker", events);
                        double c = us(after, before, "consumer", events);
                        System.out.printf(Locale.ROOT, "%-7s %11.1f %9.1f %11.1f %8.1f %12d%n", codec, p, b, c, p + b + c,
                                stored / events);
                    }
                }
            }
        } finally {
            senders.shutdown();
            reader.shutdown();
        }
    }

    /** Sends every value as the gateway does; returns the CPU time of the producer's network thread, taken before it ends. */
    private static long produce(ExecutorService senders, String bootstrap, String topic, String codec, List<byte[]> values,
                                ThreadMXBean mx) throws Exception {
        Map<String, Object> p = new HashMap<>(KafkaEventPublisher.defaults());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "compression-producer");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> done = new ArrayList<>();
            int perSender = values.size() / SENDERS;
            for (int s = 0; s < SENDERS; s++) {
                int from = s * perSender;
                int to = s == SENDERS - 1 ? values.size() : from + perSender;
                done.add(senders.submit(() -> {
                    for (int i = from; i < to; i += PER_REQUEST) {
                        List<Future<RecordMetadata>> acks = new ArrayList<>();
                        for (int j = i; j < Math.min(to, i + PER_REQUEST); j++) {
                            byte[] key = ("bench-laptop-" + (j % 16) + ":session-" + (j % 64)).getBytes(StandardCharsets.UTF_8);
                            acks.add(producer.send(new ProducerRecord<>(topic, key, values.get(j))));
                        }
                        for (Future<RecordMetadata> a : acks) {
                            a.get();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long network = 0;
            for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (t != null && t.getThreadName().equals("kafka-producer-network-thread | compression-producer")) {
                    network += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
                }
            }
            return network;
        }
    }

    private static void consume(ExecutorService reader, String bootstrap, String topic, int expected) throws Exception {
        reader.submit(() -> {
            Map<String, Object> c = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.CLIENT_ID_CONFIG, "compression-consumer");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> parts = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    parts.add(new TopicPartition(topic, i));
                }
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                long seen = 0;
                long sum = 0;
                while (seen < expected) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                    for (var r : records) {
                        sum += r.value().length;
                        seen++;
                    }
                }
                return sum;
            }
        }).get();
    }

    /** CPU nanoseconds of the live threads by role: the producer's, the consumer's, the broker's (everything else but main). */
    private static Map<String, Long> cpuByRole(ThreadMXBean mx) {
        Map<String, Long> m = new HashMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long ns = mx.getThreadCpuTime(t.getThreadId());
            String n = t.getThreadName();
            String role = n.startsWith("compression-producer-sender") ? "producer"
                    : n.contains("| compression-producer") ? "ended"
                    : n.contains("compression-consumer") ? "consumer"
                    : n.equals("main") || n.contains("adminclient") ? "driver" : "broker";
            // keyed by thread id: a thread alive in both snapshots counts its difference
            m.merge(role + "#" + t.getThreadId(), Math.max(0, ns), Long::sum);
        }
        return m;
    }

    private static double us(Map<String, Long> after, Map<String, Long> before, String role, int events) {
        long ns = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (e.getKey().startsWith(role + "#")) {
                ns += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
        }
        return ns / 1e3 / events;
    }

    private static long storedBytes(Path dataDir, String topic) throws IOException {
        long bytes = 0;
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(f -> f.getParent().getFileName().toString().startsWith(topic + "-")
                    && f.toString().endsWith(".log")).toList()) {
                bytes += Files.size(f);
            }
        }
        return bytes;
    }

    /** The text of this repository's Java sources and Markdown docs, concatenated. */
    private static String corpus(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(f -> (f.toString().endsWith(".java") || f.toString().endsWith(".md"))
                    && !f.toString().contains("/target/") && !f.toString().contains("/.git/")).sorted().toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
                if (sb.length() > 8_000_000) {
                    break;
                }
            }
        }
        if (sb.length() < 400_000) {
            throw new IllegalStateException("too little text under " + root.toAbsolutePath() + " for the events; pass the repo root");
        }
        return sb.toString();
    }

    private static List<byte[]> values(String corpus, int n, Random rnd) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int size = (int) Math.min(200 * 1024, Math.max(64, 2048 * Math.exp(rnd.nextGaussian())));
            size = Math.min(size, corpus.length() - 1);
            int at = rnd.nextInt(corpus.length() - size);
            out.add(corpus.substring(at, at + size).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
