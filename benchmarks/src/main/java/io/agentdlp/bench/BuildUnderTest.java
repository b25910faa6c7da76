package io.agentdlp.bench;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the interleaved A/B tools ({@code SecretScanAB}, {@code PiiScanAB}) share: each build's classes in a
 * class loader of their own, so two versions of the same class run in one JVM, and the median of rounds.
 */
public final class BuildUnderTest {
    private BuildUnderTest() {
    }

    /** A class loader over {@code classpath} (entries separated as on the command line), parented by the platform loader. */
    public static ClassLoader loader(String classpath) throws MalformedURLException {
        String[] parts = classpath.split(File.pathSeparator);
        URL[] urls = new URL[parts.length];
        for (int i = 0; i < parts.length; i++) {
            urls[i] = Path.of(parts[i]).toUri().toURL();
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    /** The upper median of {@code values}. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
