package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class FingerprinterTest {
    private static final String JAVA = """
            package com.acme.billing;

            import java.util.List;

            /** Computes invoice totals. */
            public final class InvoiceCalculator {
                private final TaxTable taxes;

                public InvoiceCalculator(TaxTable taxes) {
                    this.taxes = taxes;
                }

                // sums line items and applies the regional tax rate
                public long totalCents(List<LineItem> items, String region) {
                    long sum = 0;
                    for (LineItem item : items) {
                        if (item.quantity() <= 0) {
                            throw new IllegalArgumentException("bad quantity " + item.sku());
                        }
                        sum += item.unitCents() * item.quantity();
                    }
                    long tax = Math.round(sum * taxes.rateFor(region));
                    return sum + tax;
                }
            }
            """;

    private final Fingerprinter fingerprinter = new Fingerprinter(FingerprintConfig.of(10, 4));

    private Set<Long> hashes(String text) {
        Fingerprints f = fingerprinter.fingerprint(text);
        Set<Long> s = new HashSet<>();
        for (int i = 0; i < f.size(); i++) {
            s.add(f.hash(i));
        }
        return s;
    }

    private Set<Long> shapes(String text) {
        Set<Long> s = new HashSet<>();
        for (long h : hashes(text)) {
            s.add(Fingerprints.shapeOf(h));
        }
        return s;
    }

    /** Share of {@code expected} found in {@code actual}: winnowing only guarantees the interior of a copy. */
    private static double shareOf(Set<Long> expected, Set<Long> actual) {
        assertThat(expected).isNotEmpty();
        return expected.stream().filter(actual::contains).count() / (double) expected.size();
    }

    @Test
    void identicalTextGivesIdenticalFingerprintsWithLines() {
        Fingerprints a = fingerprinter.fingerprint(JAVA);
        Fingerprints b = fingerprinter.fingerprint(JAVA);
        assertThat(a).isEqualTo(b);
        assertThat(a.size()).isGreaterThan(5);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.startLine(i)).isBetween(1, 26);
            assertThat(a.endLine(i)).isBetween(a.startLine(i), 26);
        }
    }

    @Test
    void whitespaceCommentsAndTrailingCommasDoNotMatter() {
        String reformatted = JAVA.replaceAll("//[^\n]*\n", "\n").replaceAll("/\\*\\*.*?\\*/", "")
                .replace("{\n", "\n{\n").replaceAll("\n\\s+", "\n  ").replace("(sum * ", "(sum*")
                .replace("List<LineItem> items, String region", "List<LineItem> items,\n  String region,");
        assertThat(hashes(reformatted)).isEqualTo(hashes(JAVA));
    }

    @Test
    void consistentRenamingKeepsFingerprintsInconsistentDoesNot() {
        String renamed = JAVA.replace("items", "rows").replace("item", "row").replace("sum", "acc")
                .replace("taxes", "t").replace("InvoiceCalculator", "Calc").replace("region", "r");
        assertThat(shapes(renamed)).isEqualTo(shapes(JAVA));
        assertThat(shareOf(hashes(JAVA), hashes(renamed))).isLessThan(0.5); // spelling checks tell most apart
        String broken = JAVA.replace("sum += item.unitCents()", "sum += row.unitCents()");
        assertThat(shapes(broken)).isNotEqualTo(shapes(JAVA));
    }

    @Test
    void renamingWordsReservedOnlyElsewhereOrAnInterpolatorKeepsShapes() {
        // lodash names parameters func and guard, Scala code says self, until, None and s"..."; a renamer
        // that renames every non-keyword of the file's own language renames those too
        String js = """
                function baseRest(func, start, guard) {
                  start = nativeMax(start === undefined ? (func.length - 1) : start, 0);
                  return function() {
                    var args = arguments, index = -1, length = nativeMax(args.length - start, 0);
                    while (++index < length) { array[index] = args[start + index]; }
                    return func.apply(this, otherArgs, guard);
                  };
                }
                """;
        String jsRenamed = js.replaceAll("\\bfunc\\b", "fx").replaceAll("\\bguard\\b", "g2")
                .replaceAll("\\bstart\\b", "s0");
        assertThat(shapes(jsRenamed)).isNotEmpty().isEqualTo(shapes(js));
        String scala = """
                def render(self: Node, depth: Int): String = {
                  for (i <- 0 until depth) { if (self.children(i) == None) return s"missing ${i} at $depth" }
                  val parts = self.children.map(c => c.name + "(" + c.size + ")")
                  parts.mkString(s"${self.name}[", ", ", "]")
                }
                """;
        String scalaRenamed = scala.replaceAll("\\bself\\b", "me").replaceAll("\\buntil\\b", "upTo")
                .replaceAll("\\bNone\\b", "Nil").replace("s\"", "interp\"");
        assertThat(shapes(scalaRenamed)).isNotEmpty().isEqualTo(shapes(scala));
    }

    @Test
    void literalsAreNormalised() {
        String changed = JAVA.replace("\"bad quantity \"", "'other text'").replace("long sum = 0", "long sum = 42");
        assertThat(hashes(changed)).isEqualTo(hashes(JAVA));
    }

    @Test
    void proseHasNoFingerprints() {
        String prose = """
                Hi! Could you please look at the billing service for me? It seems the totals are wrong
                when a customer orders more than one item and the region is set to the default value.
                I don't know why this happens and it's been like this since last week, so any help is welcome.
                """;
        assertThat(fingerprinter.fingerprint(prose).size()).isZero();
    }

    @Test
    void codeInsideChatPromptWithFenceKeepsItsFingerprints() {
        String prompt = "Please review this, it fails in prod:\n\n```java\n" + JAVA + "```\nThanks, it's urgent!\n";
        assertThat(shareOf(hashes(JAVA), hashes(prompt))).isGreaterThan(0.8);
        Fingerprints inPrompt = fingerprinter.fingerprint(prompt);
        Fingerprints plain = fingerprinter.fingerprint(JAVA);
        java.util.Map<Long, Integer> plainStart = new java.util.HashMap<>();
        for (int i = 0; i < plain.size(); i++) {
            plainStart.put(plain.hash(i), plain.startLine(i));
        }
        int shared = 0;
        for (int i = 0; i < inPrompt.size(); i++) {
            Integer line = plainStart.get(inPrompt.hash(i));
            if (line != null) {
                shared++;
                assertThat(inPrompt.startLine(i)).isEqualTo(line + 3); // lines of the prompt, not of the code
            }
        }
        assertThat(shared).isPositive();
    }

    @Test
    void jsonEscapedRequestBodyIsUnescaped() {
        String content = ("Fix this:\n```java\n" + JAVA + "```").replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n");
        String body = "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
        assertThat(shareOf(hashes(JAVA), hashes(body))).isGreaterThan(0.8);
        Fingerprints f = fingerprinter.fingerprint(body);
        for (int i = 0; i < f.size(); i++) {
            assertThat(f.startLine(i)).isEqualTo(1);
        }
    }

    @Test
    void doublyEscapedJsonIsUnescaped() {
        String once = JAVA.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        String inner = "{\"tool\":\"Write\",\"content\":\"" + once + "\"}";
        String twice = inner.replace("\\", "\\\\").replace("\"", "\\\"");
        String outer = "{\"hook\":\"PreToolUse\",\n \"payload\":\"" + twice + "\"}";
        assertThat(shareOf(hashes(JAVA), hashes(outer))).isGreaterThan(0.8);
    }

    @Test
    void lineNumberedToolOutputMapsToListingLines() {
        StringBuilder catN = new StringBuilder();
        StringBuilder arrows = new StringBuilder();
        String[] lines = JAVA.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            catN.append(String.format("%6d\t%s%n", i + 1, lines[i]));
            arrows.append(String.format("%5d\u2192%s%n", i + 1, lines[i]));
        }
        assertThat(hashes(catN.toString())).isEqualTo(hashes(JAVA));
        assertThat(hashes(arrows.toString())).isEqualTo(hashes(JAVA));
        Fingerprints plain = fingerprinter.fingerprint(JAVA);
        Fingerprints numbered = fingerprinter.fingerprint(catN.toString());
        assertThat(numbered).isEqualTo(plain);
        Fingerprints withHeader = fingerprinter.fingerprint("Read 26 lines\n" + catN);
        assertThat(withHeader.endLine(withHeader.size() - 1)).isEqualTo(plain.endLine(plain.size() - 1) + 1);
    }

    @Test
    void diffHunkYieldsBothSides() {
        String[] lines = JAVA.split("\n", -1);
        StringBuilder diff = new StringBuilder("diff --git a/Inv.java b/Inv.java\n--- a/Inv.java\n+++ b/Inv.java\n");
        diff.append("@@ -13,12 +13,12 @@ public final class InvoiceCalculator {\n");
        for (int i = 12; i < 25; i++) {
            if (lines[i].contains("long tax =")) {
                diff.append('-').append(lines[i]).append('\n');
                diff.append('+').append(lines[i].replace("Math.round", "Math.floorDiv")).append('\n');
            } else {
                diff.append(' ').append(lines[i]).append('\n');
            }
        }
        String oldSide = String.join("\n", java.util.Arrays.copyOfRange(lines, 12, 25));
        assertThat(shareOf(hashes(oldSide), hashes(diff.toString()))).isGreaterThan(0.8);
    }

    @Test
    void sharedRunOfGuaranteeLengthAlwaysSharesAFingerprint() {
        FingerprintConfig config = new FingerprintConfig(8, 5, 0);
        Fingerprinter f = new Fingerprinter(config);
        SplittableRandom random = new SplittableRandom(7);
        String[] vocabulary = {"+", "-", "*", "(", ")", "{", "}", "=", "<", ">", "if", "for", "return", "x", "y",
                "z", "w", "1", "'s'", "."};
        int t = config.guaranteeThreshold();
        for (int trial = 0; trial < 300; trial++) {
            String shared = randomTokens(random, vocabulary, t);
            String a = randomTokens(random, vocabulary, random.nextInt(30)) + " ~ " + shared + " ~ "
                    + randomTokens(random, vocabulary, random.nextInt(30));
            String b = randomTokens(random, vocabulary, random.nextInt(30)) + " @ " + shared + " @ "
                    + randomTokens(random, vocabulary, random.nextInt(30));
            Set<Long> ha = new HashSet<>();
            Fingerprints fa = f.fingerprint(a);
            for (int i = 0; i < fa.size(); i++) {
                ha.add(fa.hash(i));
            }
            Fingerprints fs = f.fingerprint(shared);
            Set<Long> hs = new HashSet<>();
            for (int i = 0; i < fs.size(); i++) {
                hs.add(fs.hash(i));
            }
            Fingerprints fb = f.fingerprint(b);
            boolean common = false;
            for (int i = 0; i < fb.size(); i++) {
                common |= ha.contains(fb.hash(i)) && hs.contains(fb.hash(i));
            }
            assertThat(common).as("trial %d: %s", trial, shared).isTrue();
        }
    }

    private static String randomTokens(SplittableRandom random, String[] vocabulary, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
        }
        return sb.toString();
    }

    @Test
    void concurrentUseGivesTheSameResults() throws Exception {
        Fingerprints expected = fingerprinter.fingerprint(JAVA);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Fingerprints>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String text = i % 2 == 0 ? JAVA : "x".repeat(i) + " noise " + i;
                results.add(pool.submit(() -> fingerprinter.fingerprint(text)));
            }
            for (int i = 0; i < results.size(); i += 2) {
                assertThat(results.get(i).get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shortTextHasNoFingerprintsButCountsTokens() {
        Fingerprints f = fingerprinter.fingerprint("x = 1;");
        assertThat(f.isEmpty()).isTrue();
        assertThat(f.codeTokens()).isEqualTo(3);
    }
}
