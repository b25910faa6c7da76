package io.agentdlp.detection.secret.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretRule;
import io.agentdlp.detection.secret.SecretScanner;

/**
 * Precision, recall and F1 of a scanner over labelled samples, overall and per rule family. A finding is
 * a true positive when its keyed hash equals the hash of a credential planted in its sample; other
 * findings are false positives (counted in the family of the rule that fired); planted credentials no
 * finding matched are false negatives.
 */
public final class DetectionQuality {
    /** Counts for one family. */
    public static final class Counts {
        private long tp;
        private long fp;
        private long fn;

        public long truePositives() {
            return tp;
        }

        public long falsePositives() {
            return fp;
        }

        public long falseNegatives() {
            return fn;
        }

        public double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Counts> perFamily = new TreeMap<>();
    private final Counts overall = new Counts();
    private final Map<String, Long> falsePositiveRules = new TreeMap<>();
    private final Map<String, Long> missedKinds = new TreeMap<>();

    private DetectionQuality() {
    }

    /** Scans every sample and scores the findings. */
    public static DetectionQuality measure(SecretScanner scanner, KeyedHasher hasher, RuleCatalog catalog, List<LabeledSample> samples) {
        Map<String, String> familyOfRule = new HashMap<>();
        for (SecretRule r : catalog.rules()) {
            familyOfRule.put(r.id(), r.family());
        }
        DetectionQuality q = new DetectionQuality();
        for (LabeledSample s : samples) {
            Map<String, PlantedSecret> open = new HashMap<>();
            for (PlantedSecret p : s.planted()) {
                open.put(hasher.hash(p.value()), p);
            }
            Map<String, PlantedSecret> all = Map.copyOf(open);
            for (Finding f : scanner.scan(s.text()).findings()) {
                PlantedSecret hit = open.remove(f.keyedHash());
                if (hit != null) {
                    q.count(hit.family()).tp++;
                    q.overall.tp++;
                } else if (!all.containsKey(f.keyedHash())) {
                    q.count(familyOfRule.getOrDefault(f.ruleId(), "other")).fp++;
                    q.overall.fp++;
                    q.falsePositiveRules.merge(f.ruleId(), 1L, Long::sum);
                }
            }
            for (PlantedSecret missed : open.values()) {
                q.count(missed.family()).fn++;
                q.overall.fn++;
                q.missedKinds.merge(missed.kind(), 1L, Long::sum);
            }
        }
        return q;
    }

    private Counts count(String family) {
        return perFamily.computeIfAbsent(family, k -> new Counts());
    }

    public Counts overall() {
        return overall;
    }

    public Map<String, Counts> perFamily() {
        return perFamily;
    }

    /** False positives per rule id, for tuning. */
    public Map<String, Long> falsePositiveRules() {
        return falsePositiveRules;
    }

    /** Missed planted credentials per kind, for tuning. */
    public Map<String, Long> missedKinds() {
        return missedKinds;
    }

    /** A Markdown table of the figures, for docs. */
    public String markdownTable() {
        StringBuilder sb = new StringBuilder("| family | TP | FP | FN | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        perFamily.forEach((f, c) -> row(sb, f, c));
        row(sb, "**overall**", overall);
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Counts c) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f |%n", name, c.tp, c.fp, c.fn, c.precision(), c.recall(), c.f1()));
    }
}
