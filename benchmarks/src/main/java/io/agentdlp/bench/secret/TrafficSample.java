package io.agentdlp.bench.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;

/**
 * One input of the secret scanner's CPU-time and allocation drivers: the payloads of one size and traffic
 * kind ({@code mixed}: a planted credential in about one payload in four; {@code clean}: none), as
 * {@link SecretScanBenchmark} generates them, so that every driver measures the same bytes.
 */
record TrafficSample(int size, String traffic, String[] texts, long bytesPerRound) {
    private static final int[] SIZES = {1024, 102400, 10485760};
    private static final String[] TRAFFIC = {"mixed", "clean"};

    /** Every size from 1 KB to 10 MB, mixed then clean traffic. */
    static List<TrafficSample> all() {
        List<TrafficSample> out = new ArrayList<>();
        for (int size : SIZES) {
            for (String traffic : TRAFFIC) {
                out.add(of(size, traffic));
            }
        }
        return out;
    }

    static TrafficSample of(int size, String traffic) {
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        // as SecretScanBenchmark: one payload from a megabyte up, 32 different ones below
        int variants = size >= 1 << 20 ? 1 : 32;
        String[] texts = new String[variants];
        long bytes = 0;
        for (int i = 0; i < variants; i++) {
            texts[i] = corpus.traffic(size, "mixed".equals(traffic));
            bytes += texts[i].getBytes(StandardCharsets.UTF_8).length;
        }
        return new TrafficSample(size, traffic, texts, bytes);
    }

    /** The scanner every driver measures: built-in rules, a fixed hash key. */
    static SecretScanner scanner() {
        return SecretScanner.builder().hasher(KeyedHasher.fromSecret("benchmark-hash-key-0123456789")).build();
    }

    /** Rounds over {@link #texts} that scan at least {@code targetBytes}, and at least two. */
    int rounds(long targetBytes) {
        return (int) Math.max(2, targetBytes / bytesPerRound);
    }

    /** Scans every text {@code rounds} times. */
    void scan(SecretScanner scanner, int rounds) {
        for (int r = 0; r < rounds; r++) {
            for (String t : texts) {
                scanner.scan(t);
            }
        }
    }
}
