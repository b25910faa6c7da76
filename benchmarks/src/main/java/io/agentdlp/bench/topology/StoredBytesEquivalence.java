package io.agentdlp.bench.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.topology.config.TopologyConfig;

/**
 * What the topology writes for {@link EgressWorkload}'s traffic, byte for byte: per topic it wrote to
 * (every store's changelog, the volume repartition topic, {@code dlp-alerts}) the record count, the
 * tombstone count and a SHA-256 over every record's key, value and timestamp in order. The changelogs
 * carry every store write, so equal lines mean the stores hold the same bytes. Deterministic like
 * {@link AlertEquivalence} (TopologyTestDriver, fixed seed, the wall clock advanced at fixed points).
 * Run it on two builds and {@code cmp} the files: a change that keeps the formats must not change a byte.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.StoredBytesEquivalence
 * <out-file> [events] [configuration] [timeline-events]} (default 6000 events, {@code default}, a 3-event timeline so
 * that timeline entries are dropped too).
 */
public final class StoredBytesEquivalence {
    private static final long SEED = 20260302L;
    private static final int EVENTS_PER_TICK = 500;
    private static final Duration TICK = Duration.ofSeconds(20);

    private StoredBytesEquivalence() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length < 1) {
            System.err.println("usage: StoredBytesEquivalence <out-file> [events] [configuration] [timeline-events]");
            return;
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        String name = args.length > 2 ? args[2] : "default";
        String timeline = args.length > 3 ? args[3] : "3";
        TopologyConfig config = ThroughputConfigs.named(name).getValue().with("session.timeline.max.events", timeline);
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        List<String> lines = new ArrayList<>();
        lines.add("# configuration " + name + ", session.timeline.max.events " + timeline + ", " + n + " events");
        try (TopologyRig rig = new TopologyRig(config, indexed)) {
            List<TopologyRig.Wire> events = rig.serialise(new EgressWorkload(SEED, indexed)::next, n);
            for (int i = 0; i < events.size(); i++) {
                rig.pipe(events.get(i));
                if (i % EVENTS_PER_TICK == EVENTS_PER_TICK - 1) {
                    rig.advanceWallClock(TICK);
                }
            }
            rig.advanceWallClock(Duration.ofMinutes(10));
            for (String topic : rig.producedTopics()) {
                lines.add(digest(topic, rig.drain(topic)));
            }
        }
        Files.write(Path.of(args[0]), lines);
        lines.forEach(System.out::println);
    }

    private static String digest(String topic, List<org.apache.kafka.streams.test.TestRecord<byte[], byte[]>> records)
            throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long tombstones = 0;
        for (var r : records) {
            field(md, r.key());
            field(md, r.value());
            md.update(Long.toString(r.timestamp()).getBytes(StandardCharsets.US_ASCII));
            if (r.value() == null) {
                tombstones++;
            }
        }
        return String.format(Locale.ROOT, "%s %d records %d tombstones %s", topic, records.size(), tombstones,
                HexFormat.of().formatHex(md.digest()));
    }

    /** Length-prefixed, so a null and an empty array and shifted boundaries all digest differently. */
    private static void field(MessageDigest md, byte[] b) {
        int len = b == null ? -1 : b.length;
        md.update(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
        if (b != null) {
            md.update(b);
        }
    }
}
