package io.agentdlp.bench;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What the interleaved A/B tools ({@code SecretScanAB}, {@code PiiScanAB}) share: each build's classes in a
 * class loader of their own, so two versions of the same class run in one JVM; the check that both give
 * the same results; rounds that alternate which build goes first; the median of rounds.
 */
public final class BuildUnderTest {
    private BuildUnderTest() {
    }

    /** A class loader over {@code classpath} (entries separated as on the command line), parented by the platform loader. */
    public static ClassLoader loader(String classpath) throws MalformedURLException {
        return new URLClassLoader(urls(classpath), ClassLoader.getPlatformClassLoader());
    }

    /** The entries of {@code classpath} (separated as on the command line) as URLs. */
    public static URL[] urls(String classpath) throws MalformedURLException {
        String[] parts = classpath.split(File.pathSeparator);
        URL[] urls = new URL[parts.length];
        for (int i = 0; i < parts.length; i++) {
            urls[i] = Path.of(parts[i]).toUri().toURL();
        }
        return urls;
    }

    /** Throws unless builds {@code a} and {@code b} give equal results (compared as text) on every input. */
    public static void requireEqualResults(List<String> texts, Function<String, Object> a, Function<String, Object> b) {
        for (int i = 0; i < texts.size(); i++) {
            if (!a.apply(texts.get(i)).toString().equals(b.apply(texts.get(i)).toString())) {
                throw new IllegalStateException("builds A and B return different results on text " + i);
            }
        }
    }

    /** CPU seconds of this thread per round for each build, and a checksum of what the passes returned. */
    public record Rounds(double[] a, double[] b, long checksum) {
        /** The second half of the rounds (the first half warms up). */
        public int from() {
            return a.length / 2;
        }

        public double medianA() {
            return median(Arrays.copyOfRange(a, from(), a.length));
        }

        public double medianB() {
            return median(Arrays.copyOfRange(b, from(), b.length));
        }

        /** The median over the second half of the rounds of {@code a[r] / b[r]} (B's speed-up over A). */
        public double medianRatio() {
            double[] ratio = new double[a.length - from()];
            for (int i = 0; i < ratio.length; i++) {
                ratio[i] = a[from() + i] / b[from() + i];
            }
            return median(ratio);
        }
    }

    /**
     * Runs one pass of each build per round, alternating which goes first so that neither always meets the
     * other's garbage or a colder cache. A pass returns a checksum of its results so the JIT keeps the work.
     */
    public static Rounds alternate(int rounds, LongSupplier passA, LongSupplier passB) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                boolean first = (r + k) % 2 == 0;
                long cpu0 = mx.getCurrentThreadCpuTime();
                sink += (first ? passA : passB).getAsLong();
                (first ? a : b)[r] = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            }
        }
        return new Rounds(a, b, sink);
    }

    /** The upper median of {@code values}. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
