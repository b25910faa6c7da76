package io.agentdlp.tuning.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.RuleFile;
import io.agentdlp.detection.secret.SecretRule;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.tuning.rules.LintIssue.Check;
import io.agentdlp.tuning.rules.LintIssue.Level;
import io.agentdlp.tuning.rules.RegexNode.Repeat;

/**
 * Catalogue hygiene for secret rules:
 * <ul>
 *   <li>unsafe regexes: static analysis ({@link RegexHazards}) plus a bounded adversarial run
 *       ({@link BacktrackingProbe}) of every repetition; a run that exhausts its step budget is an
 *       error, a statically ambiguous but measured-polynomial loop and cubic growth are warnings;</li>
 *   <li>rules without keywords (they run over every text instead of keyword windows);</li>
 *   <li>duplicated rules (the same pattern under two ids);</li>
 *   <li>examples matching the wrong rule: a true-positive example that its rule matches on its own
 *       but that the catalogue reports as another rule (the other rule wins the overlap); a rule
 *       whose every true-positive example goes to other rules is shadowed.</li>
 * </ul>
 */
public final class RuleLinter {
    private final RuleCatalog catalog;
    private final RuleExampleRunner examples;

    public RuleLinter(RuleCatalog catalog) {
        this.catalog = catalog;
        this.examples = new RuleExampleRunner(catalog);
    }

    /** Issues of the rules in {@code scope} (judged against the whole catalogue), in rule order. */
    public List<LintIssue> lint(Collection<SecretRule> scope) {
        Map<String, List<SecretRule>> byPattern = new HashMap<>();
        for (SecretRule r : catalog.rules()) {
            byPattern.computeIfAbsent(r.pattern().flags() + "/" + r.pattern().pattern(), k -> new ArrayList<>()).add(r);
        }
        List<LintIssue> out = new ArrayList<>();
        for (SecretRule r : scope) {
            regex(r, out);
            if (r.keywords().isEmpty()) {
                out.add(issue(r, Check.NO_KEYWORDS, Level.WARNING, "no keywords: the pattern runs over every scanned text "
                        + "instead of windows around keyword hits; add the literal prefixes or labels the secret always has"));
            }
            for (SecretRule twin : byPattern.get(r.pattern().flags() + "/" + r.pattern().pattern())) {
                if (twin != r) {
                    out.add(issue(r, Check.DUPLICATE_RULE, Level.ERROR, "same pattern as rule '" + twin.id() + "' ("
                            + twin.source() + "); keep one, or disable one with enabled: false"));
                }
            }
            wrongRule(r, out);
        }
        return out;
    }

    private void regex(SecretRule r, List<LintIssue> out) {
        RegexHazards analysis;
        try {
            analysis = RegexHazards.of(r.pattern());
        } catch (RuntimeException e) {
            out.add(issue(r, Check.UNANALYSABLE_REGEX, Level.WARNING, "the pattern could not be analysed for backtracking ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
            return;
        }
        BacktrackingProbe probe = new BacktrackingProbe(r.pattern(), analysis);
        Map<Repeat, Boolean> covered = new IdentityHashMap<>();
        for (RegexHazard h : analysis.find()) {
            analysis.loopsWithin(h.loop()).forEach(l -> covered.put(l, Boolean.TRUE));
            BacktrackingProbe.Result m = probe.probe(h.loop(), h.overlap());
            if (m.exhausted()) {
                out.add(issue(r, Check.CATASTROPHIC_BACKTRACKING, Level.ERROR, h.describe() + "; confirmed: "
                        + exhaustedOn(m) + "; " + FIX));
            } else {
                out.add(issue(r, Check.AMBIGUOUS_REGEX, Level.WARNING, h.describe() + "; the adversarial run measured "
                        + growth(m) + " on this JVM (it memoizes some greedy loops; bounded or lazy variants are exponential); "
                        + FIX));
            }
        }
        BacktrackingProbe.Result worst = null;
        Repeat worstLoop = null;
        for (Repeat loop : analysis.loops()) {
            if (covered.containsKey(loop)) {
                continue;
            }
            BacktrackingProbe.Result m = probe.probe(loop, analysis.shape().first(loop.body()));
            if (worst == null || m.longWork() > worst.longWork()) {
                worst = m;
                worstLoop = loop;
            }
        }
        if (worst != null && worst.exhausted()) {
            out.add(issue(r, Check.CATASTROPHIC_BACKTRACKING, Level.ERROR, "repetition " + analysis.source(worstLoop)
                    + ": " + exhaustedOn(worst) + "; " + FIX));
        } else if (worst != null && worst.degree() >= 3) {
            out.add(issue(r, Check.SUPERLINEAR_REGEX, Level.WARNING, "repetition " + analysis.source(worstLoop)
                    + ": work grows like " + growth(worst) + " on adversarial input; bound the quantifiers or make them possessive"));
        }
    }

    private static final String FIX = "make the inner quantifier possessive (*+, ++, {m,n}+) or the group atomic (?>...), "
            + "or make the parts disjoint";

    private static String exhaustedOn(BacktrackingProbe.Result m) {
        return "the regex engine read more than " + BacktrackingProbe.BUDGET + " characters on a " + m.input().length()
                + "-character input";
    }

    private static String growth(BacktrackingProbe.Result m) {
        int d = Math.max(1, m.degree());
        return (d == 1 ? "n" : "n^" + d) + " (" + m.shortWork() + " -> " + m.longWork() + " reads for "
                + m.pumps() + " -> " + 2 * m.pumps() + " repetitions)";
    }

    private void wrongRule(SecretRule r, List<LintIssue> out) {
        List<String> tps = r.examples().truePositives();
        if (tps.isEmpty()) {
            return;
        }
        SecretScanner alone = null;
        Set<String> winners = new LinkedHashSet<>();
        int taken = 0;
        for (int i = 0; i < tps.size(); i++) {
            List<Finding> full = examples.scan(tps.get(i));
            if (full.stream().anyMatch(f -> f.ruleId().equals(r.id()))) {
                continue;
            }
            if (alone == null) {
                alone = isolated(r);
            }
            Set<String> others = new LinkedHashSet<>();
            for (Finding own : alone.scan(tps.get(i)).findings()) {
                if (!own.ruleId().equals(r.id())) {
                    continue;
                }
                for (Finding f : full) {
                    if (overlaps(own, f)) {
                        others.add(f.ruleId());
                    }
                }
            }
            if (!others.isEmpty()) {
                taken++;
                winners.addAll(others);
                out.add(issue(r, Check.EXAMPLE_WRONG_RULE, Level.ERROR, "tp#" + i + " is reported as "
                        + String.join(", ", others) + " instead of " + r.id() + " (the other rule wins the overlap)"));
            }
        }
        if (taken == tps.size()) {
            out.add(issue(r, Check.SHADOWED_RULE, Level.WARNING, "shadowed by " + String.join(", ", winners)
                    + ": none of its true-positive examples is reported as " + r.id()
                    + "; remove it, or make it more specific than the rule that wins"));
        }
    }

    /** A scanner of {@code r} alone (plus the rules it requires). */
    private SecretScanner isolated(SecretRule r) {
        List<SecretRule> rules = new ArrayList<>();
        for (SecretRule x = r; x != null; x = x.requires() == null ? null : catalog.rule(x.requires()).orElse(null)) {
            if (rules.contains(x)) {
                break;
            }
            rules.add(0, x);
        }
        RuleCatalog one = RuleCatalog.ofFiles().with(List.of(new RuleFile("lint:" + r.id(), rules, Set.of(),
                catalog.placeholders())));
        return SecretScanner.builder().catalog(one).hasher(RuleExampleRunner.HASHER).build();
    }

    private static boolean overlaps(Finding a, Finding b) {
        return a.offset() < b.offset() + b.length() && b.offset() < a.offset() + a.length();
    }

    private static LintIssue issue(SecretRule r, Check check, Level level, String message) {
        return new LintIssue(r.id(), r.source(), check, level, message);
    }
}
