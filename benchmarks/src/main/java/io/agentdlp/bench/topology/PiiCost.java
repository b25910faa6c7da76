package io.agentdlp.bench.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.pii.PiiOptions;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.serde.AvroClassTrust;

/**
 * What personal-data scanning costs per event on the topology benchmark's texts, and how much of it
 * is libphonenumber's {@code findNumbers} (run alone over the same texts with the scanner's
 * arguments), next to the secret scanner for scale. MB and texts per CPU-second of this thread,
 * after warm-up passes over the same texts worth at least 5 CPU-seconds (one pass of a fast scanner is
 * over before the JIT has compiled it), over as many passes as make at least 3 CPU-seconds.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.PiiCost [texts]}
 */
public final class PiiCost {
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;

    private PiiCost() {
    }

    public static void main(String[] args) throws java.io.IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        List<String> texts = workloadTexts(n);
        long bytes = texts.stream().mapToLong(String::length).sum();
        KeyedHasher hasher = KeyedHasher.fromSecret("benchmark-key-0123456789");
        PiiScanner pii = new PiiScanner(hasher, PiiOptions.defaults());
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        SecretScanner secrets = SecretScanner.builder().hasher(hasher).build();
        System.out.printf(Locale.ROOT, "%d texts, %.1f MB (mean %d chars)%n", n, bytes / 1e6, bytes / n);
        measure("PiiScanner.scan (all 11 matchers)", texts, bytes, t -> pii.scan(t).findings().size());
        measure("libphonenumber findNumbers alone", texts, bytes, t -> {
            int c = 0;
            for (PhoneNumberMatch m : phones.findNumbers(t, "US", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                c += m.end() - m.start();
            }
            return c;
        });
        measure("SecretScanner.scan", texts, bytes, t -> secrets.scan(t).findings().size());
    }

    /** The first {@code n} content texts of the topology benchmark's workload (fixed seed). */
    public static List<String> workloadTexts(int n) throws java.io.IOException {
        AvroClassTrust.trustGenerated();
        EgressWorkload workload = new EgressWorkload(20260302L, BenchCorpus.sources(2L << 20));
        List<String> texts = new ArrayList<>(n);
        while (texts.size() < n) {
            AgentEgressEvent e = workload.next().event();
            if (e.getContent() != null && e.getContent().getText() != null) {
                texts.add(e.getContent().getText());
            }
        }
        return texts;
    }

    private static void measure(String name, List<String> texts, long bytes, ToIntFunction<String> f) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warm = mx.getCurrentThreadCpuTime();
        do {
            for (String t : texts) {
                sink += f.applyAsInt(t);
            }
        } while (mx.getCurrentThreadCpuTime() - warm < WARM_UP_NANOS);
        long cpu0 = mx.getCurrentThreadCpuTime();
        int passes = 0;
        do {
            for (String t : texts) {
                sink += f.applyAsInt(t);
            }
            passes++;
        } while (mx.getCurrentThreadCpuTime() - cpu0 < MEASURE_NANOS);
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long n = (long) texts.size() * passes;
        System.out.printf(Locale.ROOT, "%-40s %8.0f texts/CPU-s %6.1f MB/CPU-s %7.1f us/text (%d passes, checksum %d)%n",
                name, n / cpu, bytes * passes / 1e6 / cpu, cpu * 1e6 / n, passes, sink);
    }
}
