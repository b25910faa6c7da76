package io.agentdlp.detection.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides actions against one {@link PolicyDocument}: the most specific matching rule wins; on equal
 * specificity the stricter effect wins (deny &gt; ask &gt; warn &gt; allow); when nothing matches,
 * the document's default effect applies. Specificity counts the constrained dimensions, an exact
 * pattern weighing more than a wildcard. Compiled once per policy version; immutable and thread-safe.
 */
public final class PolicyEngine {
    private final PolicyDocument document;
    private final List<CompiledRule> rules;
    private final List<Glob> allowedDestinations;
    private final List<Glob> sensitivePaths;

    public PolicyEngine(PolicyDocument document) {
        this.document = Objects.requireNonNull(document, "document");
        List<CompiledRule> compiled = new ArrayList<>(document.rules().size());
        for (PolicyRule r : document.rules()) {
            compiled.add(new CompiledRule(r));
        }
        this.rules = List.copyOf(compiled);
        this.allowedDestinations = document.allowedDestinations().stream().map(g -> Glob.compile(g, false, true)).toList();
        this.sensitivePaths = document.sensitivePaths().stream().map(g -> Glob.compile(normalisePath(g), true, false)).toList();
    }

    public PolicyDocument document() {
        return document;
    }

    public PolicyDecision decide(PolicyRequest request) {
        CompiledRule best = null;
        int bestScore = -1;
        for (CompiledRule rule : rules) {
            int score = rule.score(request);
            if (score < 0) {
                continue;
            }
            if (best == null || score > bestScore
                    || (score == bestScore && rule.rule.effect().strictness() > best.rule.effect().strictness())) {
                best = rule;
                bestScore = score;
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

    /** One rule with its patterns compiled. */
    private static final class CompiledRule {
        final PolicyRule rule;
        private final List<Glob> users;
        private final List<String> groups;
        private final List<Glob> devices;
        private final List<AgentSelector> agents;
        private final List<Glob> toolNames;
        private final List<String> toolCategories;
        private final List<Glob> mcpServers;
        private final List<Glob> destinationHosts;
        private final List<String> destinationUrlPrefixes;
        private final List<Glob> repos;
        private final List<Glob> paths;

        CompiledRule(PolicyRule r) {
            this.rule = r;
            users = r.users().stream().map(p -> Glob.compile(p, false, true)).toList();
            groups = r.groups().stream().map(g -> g.toLowerCase(Locale.ROOT)).toList();
            devices = r.devices().stream().map(p -> Glob.compile(p, false, false)).toList();
            agents = r.agents().stream().map(AgentSelector::parse).toList();
            toolNames = r.tools().stream().filter(t -> !t.startsWith("category:")).map(p -> Glob.compile(p, false, true)).toList();
            toolCategories = r.tools().stream().filter(t -> t.startsWith("category:"))
                    .map(t -> t.substring("category:".length()).toLowerCase(Locale.ROOT)).toList();
            mcpServers = r.mcpServers().stream().map(p -> Glob.compile(p, false, true)).toList();
            destinationHosts = r.destinations().stream().filter(d -> !d.contains("://")).map(p -> Glob.compile(p, false, true)).toList();
            destinationUrlPrefixes = r.destinations().stream().filter(d -> d.contains("://")).map(d -> d.toLowerCase(Locale.ROOT)).toList();
            repos = r.repos().stream().map(p -> Glob.compile(p.contains("*") ? p.toLowerCase(Locale.ROOT) : RepoRemote.normalise(p), false, true)).toList();
            paths = r.paths().stream().map(p -> Glob.compile(normalisePath(p), true, false)).toList();
        }

        /** Specificity when the rule matches, -1 when it does not. */
        int score(PolicyRequest q) {
            int score = 0;
            int s;
            if ((s = globScore(users, v -> v.matches(q.userId()) || v.matches(q.userEmail()))) < 0) {
                return -1;
            }
            score += s;
            if (!groups.isEmpty()) {
                boolean hit = q.groups().stream().anyMatch(g -> groups.contains(g.toLowerCase(Locale.ROOT)));
                if (!hit) {
                    return -1;
                }
                score += 2;
            }
            if ((s = globScore(devices, v -> v.matches(q.deviceId()))) < 0) {
                return -1;
            }
            score += s;
            if (!agents.isEmpty()) {
                AgentSelector hit = agents.stream().filter(a -> a.matches(q.agentName(), q.agentVersion())).findFirst().orElse(null);
                if (hit == null) {
                    return -1;
                }
                score += hit.exact() ? 2 : 1;
            }
            if (!toolNames.isEmpty() || !toolCategories.isEmpty()) {
                Glob hit = toolNames.stream().filter(g -> g.matches(q.toolName())).findFirst().orElse(null);
                boolean category = q.toolCategory() != null && toolCategories.contains(q.toolCategory().toLowerCase(Locale.ROOT));
                if (hit == null && !category) {
                    return -1;
                }
                score += hit != null && hit.exact() ? 2 : 1;
            }
            if ((s = globScore(mcpServers, v -> v.matches(q.mcpServer()))) < 0) {
                return -1;
            }
            score += s;
            if (!destinationHosts.isEmpty() || !destinationUrlPrefixes.isEmpty()) {
                Glob hit = destinationHosts.stream().filter(g -> g.matches(q.destinationHost())).findFirst().orElse(null);
                String url = q.destinationUrl() == null ? null : q.destinationUrl().toLowerCase(Locale.ROOT);
                boolean prefix = url != null && destinationUrlPrefixes.stream().anyMatch(url::startsWith);
                if (hit == null && !prefix) {
                    return -1;
                }
                score += prefix || hit.exact() ? 2 : 1;
            }
            String repo = RepoRemote.normalise(q.repoRemote());
            if ((s = globScore(repos, v -> v.matches(repo))) < 0) {
                return -1;
            }
            score += s;
            String path = q.filePath() == null ? null : normalisePath(q.filePath());
            if ((s = globScore(paths, v -> v.matches(path))) < 0) {
                return -1;
            }
            score += s;
            if (rule.minContentBytes() != null) {
                if (q.contentBytes() <= rule.minContentBytes()) {
                    return -1;
                }
                score += 1;
            }
            if (rule.requiresSensitiveContent()) {
                if (!q.sensitiveContent()) {
                    return -1;
                }
                score += 1;
            }
            return score;
        }

        /** 0 for an unconstrained dimension, 2 for an exact hit, 1 for a wildcard hit, -1 for no hit. */
        private static int globScore(List<Glob> globs, Predicate<Glob> test) {
            if (globs.isEmpty()) {
                return 0;
            }
            int best = -1;
            for (Glob g : globs) {
                if (test.test(g)) {
                    best = Math.max(best, g.exact() ? 2 : 1);
                }
            }
            return best;
        }
    }
}
