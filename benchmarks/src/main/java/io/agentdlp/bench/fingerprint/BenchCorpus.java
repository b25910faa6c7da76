package io.agentdlp.bench.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Source code for the fingerprint benchmarks: the Java/Kotlin/Scala files of the {@code -sources.jar}s
 * that the evaluation (docs/fingerprint.md) caches in {@code ~/.cache/agentdlp-eval} (or the directory or
 * jar given by {@code -Dagentdlp.bench.corpus}), else generated Java-like code, so the benchmarks run
 * offline too.
 */
public final class BenchCorpus {
    /** One source file. */
    public record Source(String path, String text) {
    }

    private BenchCorpus() {
    }

    /**
     * About {@code bytes} of source, from real jars when available. Says on standard error which: figures
     * from generated code (which repeats the same lines in every file) do not compare with real-code ones.
     */
    public static List<Source> sources(long bytes) throws IOException {
        List<Source> out = new ArrayList<>();
        long total = 0;
        List<Path> jars = jars();
        for (Path jar : jars) {
            try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null && total < bytes) {
                    String name = e.getName().toLowerCase(Locale.ROOT);
                    if (e.isDirectory() || !(name.endsWith(".java") || name.endsWith(".kt") || name.endsWith(".scala"))) {
                        continue;
                    }
                    String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    out.add(new Source(jar.getFileName() + "/" + e.getName(), text));
                    total += text.length();
                }
            }
            if (total >= bytes) {
                report(out.size(), 0, jars);
                return out;
            }
        }
        int real = out.size();
        SplittableRandom random = new SplittableRandom(20250301L);
        for (int i = 0; total < bytes; i++) {
            String text = generated(random, 40);
            out.add(new Source("generated/G" + i + ".java", text));
            total += text.length();
        }
        report(real, out.size() - real, jars);
        return out;
    }

    private static void report(int realFiles, int generatedFiles, List<Path> jars) {
        System.err.printf(Locale.ROOT, "bench corpus: %d real source files from %d -sources.jar in %s, %d generated%s%n",
                realFiles, jars.size(), corpusLocation(), generatedFiles,
                generatedFiles > 0 ? " (fill the cache as docs/BENCHMARKS.md says to compare with recorded figures)" : "");
    }

    /** Whether {@link #sources} reads real code (else it generates). */
    public static boolean real() throws IOException {
        return !jars().isEmpty();
    }

    private static Path corpusLocation() {
        String configured = System.getProperty("agentdlp.bench.corpus");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "agentdlp-eval");
    }

    private static List<Path> jars() throws IOException {
        Path dir = corpusLocation();
        if (Files.isRegularFile(dir)) {
            return List.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-sources.jar")).sorted().toList();
        }
    }

    /** A generated Java-like class of {@code methods} methods. */
    static String generated(SplittableRandom random, int methods) {
        String[] words = {"account", "buffer", "cache", "client", "count", "entry", "event", "index", "item", "key",
                "limit", "node", "offset", "order", "path", "queue", "record", "request", "result", "session", "size",
                "state", "stream", "task", "token", "total", "user", "value", "window"};
        StringBuilder sb = new StringBuilder("package com.example;\n\npublic class Generated {\n");
        for (int m = 0; m < methods; m++) {
            String a = words[random.nextInt(words.length)];
            String b = words[random.nextInt(words.length)];
            sb.append("    public int ").append(a).append(m).append("(int ").append(b).append(", String name) {\n")
                    .append("        int ").append(a).append(" = ").append(b).append(" * ").append(random.nextInt(100))
                    .append(";\n        for (int i = 0; i < ").append(b).append("; i++) {\n")
                    .append("            if (name.length() > i && ").append(a).append(" % ").append(1 + random.nextInt(9))
                    .append(" == 0) {\n                ").append(a).append(" += name.charAt(i) - '0';\n")
                    .append("            }\n        }\n        // keep the ").append(b).append(" in range\n")
                    .append("        return Math.max(").append(a).append(", ").append(random.nextInt(1000)).append(");\n    }\n\n");
        }
        return sb.append("}\n").toString();
    }

    /** {@code text} JSON-escaped into an LLM API request body, as agents send it. */
    public static String asRequestBody(String prompt) {
        StringBuilder sb = new StringBuilder("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":4096,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"");
        for (int i = 0; i < prompt.length(); i++) {
            char c = prompt.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append("\"}]}").toString();
    }
}
