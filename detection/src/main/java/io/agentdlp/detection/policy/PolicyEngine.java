package io.agentdlp.detection.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides actions against one {@link PolicyDocument}: the most specific matching rule wins; on equal
 * specificity the stricter effect wins (deny &gt; ask &gt; warn &gt; allow); when nothing matches,
 * the document's default effect applies. Specificity counts the constrained dimensions, an exact
 * pattern weighing more than a wildcard. Compiled once per policy version; immutable and thread-safe.
 * A decision tests only the rules a {@link RuleIndex} finds for the action, not every rule.
 */
public final class PolicyEngine {
    private final PolicyDocument document;
    private final List<CompiledRule> rules;
    private final RuleIndex index;
    private final List<Glob> allowedDestinations;
    private final List<Glob> sensitivePaths;

    public PolicyEngine(PolicyDocument document) {
        this.document = Objects.requireNonNull(document, "document");
        List<CompiledRule> compiled = new ArrayList<>(document.rules().size());
        for (PolicyRule r : document.rules()) {
            compiled.add(new CompiledRule(r));
        }
        this.rules = List.copyOf(compiled);
        this.index = new RuleIndex(rules);
        this.allowedDestinations = document.allowedDestinations().stream().map(g -> Glob.compile(g, false, true)).toList();
        this.sensitivePaths = document.sensitivePaths().stream().map(g -> Glob.compile(normalisePath(g), true, false)).toList();
    }

    public PolicyDocument document() {
        return document;
    }

    public PolicyDecision decide(PolicyRequest request) {
        PreparedRequest q = new PreparedRequest(request);
        long[] candidates = index.candidates(q);
        CompiledRule best = null;
        int bestScore = -1;
        // rule order, as a scan of every rule would see them: the first of equal rules wins
        for (int w = 0; w < candidates.length; w++) {
            long bits = candidates[w];
            while (bits != 0) {
                CompiledRule rule = rules.get((w << 6) + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
                int score = rule.score(q);
                if (score < 0) {
                    continue;
                }
                if (best == null || score > bestScore
                        || (score == bestScore && rule.rule.effect().strictness() > best.rule.effect().strictness())) {
                    best = rule;
                    bestScore = score;
                }
            }
        }
        if (best == null) {
            return new PolicyDecision(document.defaultEffect(), null, "policy default", null, document.id(),
                    document.version());
        }
        PolicyRule r = best.rule;
        String reason = r.reason() != null ? r.reason() : r.description() != null ? r.description() : "policy rule " + r.id();
        return new PolicyDecision(r.effect(), r.id(), reason, r.severity(), document.id(), document.version());
    }

    /** True when the host is one of the always-allowed model/API destinations. */
    public boolean allowedDestination(String host) {
        return host != null && anyMatch(allowedDestinations, host.toLowerCase(Locale.ROOT));
    }

    /** True when reading this path counts as a sensitive read. */
    public boolean sensitivePath(String path) {
        return path != null && anyMatch(sensitivePaths, normalisePath(path));
    }

    private static boolean anyMatch(List<Glob> globs, String value) {
        for (Glob g : globs) {
            if (g.matches(value)) {
                return true;
            }
        }
        return false;
    }

    static String normalisePath(String path) {
        return path.replace('\\', '/');
    }
}
