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
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.test.TestRecord;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.bench.fingerprint.BenchCorpus;

/**
 * What the topology emits for {@link EgressWorkload}'s traffic, as a comparable text: every alert
 * record as {@code key detector rule count severity} (the multiset, sorted) followed by the last
 * record of each alert id. Deterministic: TopologyTestDriver, a fixed workload seed, the wall clock
 * advanced by a fixed step every fixed number of events (so rate-bounded updates and punctuations
 * happen at the same points in every run) and once past the update interval at the end. Run it on
 * two builds and {@code diff} the files: a change to the frame must not change a line.
 *
 * <p>{@link EgressWorkload} raises no sequence, risky-action, volume or policy alert in the
 * {@code stateful} configuration, so a second section runs {@link StatefulAlertWorkload} (its policy
 * published first, {@value #STATEFUL_EVENTS} events) in that workload's configuration, where every
 * stateful detector fires.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.AlertEquivalence
 * <out-file> [events] [configurations]} (default 3000 events, {@code default,stateful}).
 */
public final class AlertEquivalence {
    private static final int EVENTS_PER_TICK = 40;
    private static final Duration TICK = Duration.ofSeconds(2);
    private static final int STATEFUL_EVENTS = 4_000;

    private AlertEquivalence() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: AlertEquivalence <out-file> [events] [configurations]");
            return;
        }
        Path out = Path.of(args[0]);
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        List<String> names = args.length > 2 ? List.of(args[2].split(",")) : List.of("default", "stateful");
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            lines.add("# configuration " + name);
            try (TopologyRig rig = new TopologyRig(ThroughputConfigs.named(name).getValue(), indexed)) {
                lines.addAll(run(rig, rig.serialise(new EgressWorkload(20260302L, indexed)::next, events)));
            }
        }
        lines.add("# workload stateful-alerts");
        try (TopologyRig rig = new TopologyRig(StatefulAlertWorkload.config(), List.of())) {
            rig.publishPolicy("default", StatefulAlertWorkload.policy());
            lines.addAll(run(rig, rig.serialise(new StatefulAlertWorkload(20261124L)::next, STATEFUL_EVENTS)));
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%d lines, sha256 %s -> %s%n", lines.size(), digest(lines), out);
    }

    private static List<String> run(TopologyRig rig, List<TopologyRig.Wire> wires) {
        List<String> records = new ArrayList<>();
        Map<String, String> last = new TreeMap<>();
        Deserializer<DlpAlert> de = rig.alertSerde().deserializer();
        for (int i = 0; i < wires.size(); i++) {
            rig.pipe(wires.get(i));
            if ((i + 1) % EVENTS_PER_TICK == 0) {
                rig.advanceWallClock(TICK);
            }
        }
        rig.advanceWallClock(Duration.ofMinutes(2));
        for (TestRecord<byte[], byte[]> r : rig.drainAlertRecords()) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            DlpAlert a = de.deserialize("alerts", r.value());
            String line = String.join(" ", key, a.getDetector(), a.getRuleId(), String.valueOf(a.getOccurrenceCount()),
                    a.getSeverity().name());
            records.add(line);
            last.put(key, line);
        }
        records.sort(null);
        List<String> lines = new ArrayList<>(records.size() + last.size() + 2);
        lines.add("# " + records.size() + " alert records");
        lines.addAll(records);
        lines.add("# last record of each of " + last.size() + " alert ids");
        lines.addAll(last.values());
        return lines;
    }

    private static String digest(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update(l.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
