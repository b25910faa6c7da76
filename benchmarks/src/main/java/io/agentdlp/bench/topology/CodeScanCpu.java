package io.agentdlp.bench.topology;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.Fingerprints;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.detection.fingerprint.MatchThresholds;

/**
 * Where the topology's own-code scan spends its CPU, per event of {@link EgressWorkload} (the texts of
 * {@link TopologyCpuBreakdown}'s run, content re-sent in a session left out as the dedup stage does),
 * against an index of the same 2 MiB of sources put file by file as the topology's materialised index
 * is. Per CPU time of the measuring thread, one pass per stage:
 * <ul>
 *   <li>{@code fingerprint}: the event texts fingerprinted (lexing, probe-text decoding, winnowing);</li>
 *   <li>{@code lookup}: their fingerprints looked up as a query does (presence filter, row cache,
 *       postings snapshot or RocksDB), no decoding;</li>
 *   <li>{@code query}: the whole query of the precomputed fingerprints (lookup, decoding, match
 *       assembly, document rows); {@code query - lookup} is decoding plus assembly.</li>
 * </ul>
 * Index states, measured interleaved (A/B) over rounds since the machine is shared: {@code put} (as the
 * topology's index is before this work: puts only, no compaction, every row in RocksDB),
 * {@code compacted} (compacted, no postings snapshot) and {@code snapshot} (compacted with the postings
 * snapshot). Each state gets its own row cache of the topology's default size. The matches of every
 * state are checked to be identical.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.CodeScanCpu
 * [events] [rounds]} (default 3000 events, 5 rounds).
 */
public final class CodeScanCpu {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final int ROW_CACHE = 262_144;

    private CodeScanCpu() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        AvroClassTrust.trustGenerated();
        System.out.println("start; " + ThroughputConfigs.load());
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        List<String> texts = texts(new EgressWorkload(20260302L, indexed), events);
        long chars = texts.stream().mapToLong(String::length).sum();
        Fingerprinter fingerprinter = Fingerprinter.withDefaults();
        List<Fingerprints> probes = new ArrayList<>(texts.size());
        for (String t : texts) {
            probes.add(fingerprinter.fingerprint(t));
        }
        System.out.printf(Locale.ROOT, "%d events, %d with text (%.1f KB mean), %d fingerprints%n", events,
                texts.size(), chars / 1024.0 / texts.size(), probes.stream().mapToInt(Fingerprints::size).sum());
        Path root = Files.createTempDirectory("agentdlp-codescan-");
        Map<String, FingerprintIndex> states = new LinkedHashMap<>();
        try {
            states.put("put", build(root.resolve("put"), indexed, Mode.PUT));
            states.put("compacted", build(root.resolve("compacted"), indexed, Mode.COMPACTED));
            states.put("snapshot", build(root.resolve("snapshot"), indexed, Mode.SNAPSHOT));
            MatchThresholds thresholds = MatchThresholds.DEFAULT;
            List<List<CodeMatch>> reference = null;
            for (Map.Entry<String, FingerprintIndex> s : states.entrySet()) {
                List<List<CodeMatch>> matches = new ArrayList<>();
                for (Fingerprints p : probes) {
                    matches.add(s.getValue().query(p, thresholds));
                }
                if (reference == null) {
                    reference = matches;
                    long present = 0;
                    for (Fingerprints p : probes) {
                        present += s.getValue().lookup(p.hashes());
                    }
                    System.out.printf(Locale.ROOT, "matches: %d events with own code; %.1f present fingerprints per event%n",
                            matches.stream().filter(m -> !m.isEmpty()).count(), (double) present / events);
                } else if (!reference.equals(matches)) {
                    throw new IllegalStateException("matches of index state " + s.getKey() + " differ from put");
                }
            }
            Map<String, List<double[]>> perState = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, FingerprintIndex> s : states.entrySet()) {
                    double[] us = measure(s.getValue(), fingerprinter, texts, probes, thresholds, events);
                    perState.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(us);
                }
            }
            System.out.printf(Locale.ROOT, "median of %d interleaved rounds, us CPU per event (all %d events)%n", rounds,
                    events);
            System.out.printf(Locale.ROOT, "%-10s %12s %10s %10s %20s %12s%n", "index", "fingerprint", "lookup", "query",
                    "decode+assemble", "scan total");
            for (Map.Entry<String, List<double[]>> e : perState.entrySet()) {
                double fp = median(e.getValue(), 0);
                double lookup = median(e.getValue(), 1);
                double query = median(e.getValue(), 2);
                System.out.printf(Locale.ROOT, "%-10s %12.1f %10.1f %10.1f %20.1f %12.1f%n", e.getKey(), fp, lookup, query,
                        query - lookup, fp + query);
            }
        } finally {
            states.values().forEach(FingerprintIndex::close);
            deleteTree(root);
        }
        System.out.println("done; " + ThroughputConfigs.load());
    }

    private enum Mode { PUT, COMPACTED, SNAPSHOT }

    /** The texts the code detector scans: content of the next {@code n} events, each distinct text once per session. */
    static List<String> texts(EgressWorkload workload, int n) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AgentEgressEvent e = workload.next().event();
            if (e.getContent() == null || e.getContent().getText() == null) {
                continue;
            }
            String text = e.getContent().getText();
            if (seen.add(e.getSessionId() + "\0" + text)) {
                out.add(text);
            }
        }
        return out;
    }

    private static FingerprintIndex build(Path dir, List<BenchCorpus.Source> indexed, Mode mode) {
        IndexOptions options = IndexOptions.DEFAULT.withBlockCacheBytes(64L << 20).withWriteBufferBytes(16L << 20)
                .withRowCacheEntries(ROW_CACHE).withPostingsSnapshot(mode == Mode.SNAPSHOT);
        FingerprintIndex index = FingerprintIndex.open(dir, options);
        Fingerprinter fp = index.fingerprinter();
        for (BenchCorpus.Source s : indexed) {
            index.put(IndexedDocument.create("bench", s.path(), s.text().getBytes(StandardCharsets.UTF_8), fp, false,
                    null, 1));
        }
        if (mode != Mode.PUT) {
            index.compact();
        }
        if (index.snapshotInUse() != (mode == Mode.SNAPSHOT)) {
            throw new IllegalStateException("snapshot in use " + index.snapshotInUse() + " for " + mode);
        }
        return index;
    }

    /** One pass per stage; returns us of CPU per event for fingerprint, lookup, query. */
    private static double[] measure(FingerprintIndex index, Fingerprinter fingerprinter, List<String> texts,
                                    List<Fingerprints> probes, MatchThresholds thresholds, int events) {
        List<long[]> hashes = probes.stream().map(Fingerprints::hashes).toList();
        long sink = 0;
        long t0 = MX.getCurrentThreadCpuTime();
        for (String t : texts) {
            sink += fingerprinter.fingerprint(t).size();
        }
        long t1 = MX.getCurrentThreadCpuTime();
        for (long[] h : hashes) {
            sink += index.lookup(h);
        }
        long t2 = MX.getCurrentThreadCpuTime();
        for (Fingerprints p : probes) {
            sink += index.query(p, thresholds).size();
        }
        long t3 = MX.getCurrentThreadCpuTime();
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {(t1 - t0) / 1e3 / events, (t2 - t1) / 1e3 / events, (t3 - t2) / 1e3 / events};
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v[v.length / 2];
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
