package io.agentdlp.launcher.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small proprietary-looking Java code base generated at run time from a seed, so the demo and the
 * benchmark have "own code" that no public corpus contains: each file is a service class with
 * distinct identifiers, constants and control flow, long enough for the winnowing fingerprints.
 */
public final class OwnCodeSample {
    private static final String[] NOUNS = {"Invoice", "Ledger", "Shipment", "Tariff", "Quota", "Voucher", "Rebate",
            "Manifest", "Pallet", "Carrier", "Settlement", "Payout", "Refund", "Coupon", "Warehouse", "Route"};
    private static final String[] VERBS = {"reconcile", "settle", "allocate", "dispatch", "audit", "forecast",
            "rebalance", "approve", "consolidate", "schedule", "quote", "price"};
    private static final String PACKAGE = "com.acme.internal";

    private final List<SourceFile> files;

    /** One generated file: path relative to the repository root and its text. */
    public record SourceFile(String path, String text) {
    }

    private OwnCodeSample(List<SourceFile> files) {
        this.files = List.copyOf(files);
    }

    /** {@code count} files, deterministic for {@code seed}. */
    public static OwnCodeSample generate(long seed, int count) {
        Random rnd = new Random(seed);
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String cls = NOUNS[rnd.nextInt(NOUNS.length)] + VERBS[rnd.nextInt(VERBS.length)].substring(0, 1).toUpperCase()
                    + VERBS[rnd.nextInt(VERBS.length)].substring(1) + "Engine" + i;
            files.add(new SourceFile("src/main/java/com/acme/internal/" + cls + ".java", classText(rnd, cls)));
        }
        return new OwnCodeSample(files);
    }

    public List<SourceFile> files() {
        return files;
    }

    /** Writes the files under {@code root} (created if missing). */
    public void writeTo(Path root) throws IOException {
        for (SourceFile f : files) {
            Path p = root.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.text(), StandardCharsets.UTF_8);
        }
    }

    /** A contiguous excerpt of about {@code lines} lines from file {@code index}, as an agent would paste it. */
    public String excerpt(int index, int lines) {
        String[] all = files.get(index % files.size()).text().split("\n");
        int from = Math.min(6, Math.max(0, all.length - lines));
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(all.length, from + lines); i++) {
            sb.append(all[i]).append('\n');
        }
        return sb.toString();
    }

    private static String classText(Random rnd, String cls) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import java.math.BigDecimal;\nimport java.math.RoundingMode;\nimport java.util.ArrayList;\n")
                .append("import java.util.List;\nimport java.util.Map;\nimport java.util.TreeMap;\n\n");
        sb.append("public final class ").append(cls).append(" {\n");
        int limit = 1000 + rnd.nextInt(90000);
        int scale = 2 + rnd.nextInt(4);
        sb.append("    private static final int LIMIT_").append(cls.toUpperCase()).append(" = ").append(limit).append(";\n");
        sb.append("    private final Map<String, BigDecimal> balances").append(" = new TreeMap<>();\n");
        sb.append("    private final List<String> journal = new ArrayList<>();\n\n");
        for (int m = 0; m < 4; m++) {
            String verb = VERBS[rnd.nextInt(VERBS.length)];
            String noun = NOUNS[rnd.nextInt(NOUNS.length)];
            String method = verb + noun + m;
            int factor = 3 + rnd.nextInt(97);
            int threshold = 10 + rnd.nextInt(5000);
            sb.append("    public BigDecimal ").append(method).append("(String account, BigDecimal amount, int attempts) {\n");
            sb.append("        BigDecimal current = balances.getOrDefault(account, BigDecimal.ZERO);\n");
            sb.append("        for (int attempt = 0; attempt < attempts && attempt < ").append(factor).append("; attempt++) {\n");
            sb.append("            BigDecimal adjusted = amount.multiply(BigDecimal.valueOf(").append(factor)
                    .append(" + attempt)).divide(BigDecimal.valueOf(").append(threshold).append("), ").append(scale)
                    .append(", RoundingMode.HALF_EVEN);\n");
            sb.append("            if (adjusted.compareTo(BigDecimal.valueOf(LIMIT_").append(cls.toUpperCase()).append(")) > 0) {\n");
            sb.append("                journal.add(\"").append(verb).append(" rejected for \" + account + \" at attempt \" + attempt);\n");
            sb.append("                continue;\n");
            sb.append("            }\n");
            sb.append("            current = current.add(adjusted).setScale(").append(scale).append(", RoundingMode.HALF_EVEN);\n");
            sb.append("            if (current.signum() < 0 && journal.size() % ").append(2 + rnd.nextInt(9)).append(" == 0) {\n");
            sb.append("                journal.add(\"").append(noun.toLowerCase()).append(" below zero: \" + account);\n");
            sb.append("                break;\n");
            sb.append("            }\n");
            sb.append("        }\n");
            sb.append("        balances.put(account, current);\n");
            sb.append("        return current;\n");
            sb.append("    }\n\n");
        }
        sb.append("    public List<String> journal() {\n        return List.copyOf(journal);\n    }\n}\n");
        return sb.toString();
    }
}
