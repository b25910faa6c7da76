package io.agentdlp.detection.policy;

import java.util.List;
import java.util.Locale;

/** One rule with its patterns compiled; {@link #score} allocates nothing. */
final class CompiledRule {
    final PolicyRule rule;
    final List<Glob> users;
    final List<String> groups;
    final List<Glob> devices;
    final List<AgentSelector> agents;
    final List<Glob> toolNames;
    final List<String> toolCategories;
    final List<Glob> mcpServers;
    final List<Glob> destinationHosts;
    final List<String> destinationUrlPrefixes;
    final List<Glob> models;
    final List<Glob> repos;
    final List<Glob> paths;

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
        models = r.models().stream().map(p -> Glob.compile(p, false, true)).toList();
        repos = r.repos().stream().map(p -> Glob.compile(p.contains("*") ? p.toLowerCase(Locale.ROOT) : RepoRemote.normalise(p), false, true)).toList();
        paths = r.paths().stream().map(p -> Glob.compile(PolicyEngine.normalisePath(p), true, false)).toList();
    }

    /** Specificity when the rule matches, -1 when it does not. */
    int score(PreparedRequest p) {
        PolicyRequest q = p.raw;
        int score = 0;
        int s;
        if (!users.isEmpty()) {
            s = -1;
            for (Glob g : users) {
                if (g.matches(q.userId()) || g.matches(q.userEmail())) {
                    s = Math.max(s, g.exact() ? 2 : 1);
                }
            }
            if (s < 0) {
                return -1;
            }
            score += s;
        }
        if (!groups.isEmpty()) {
            if (!anyGroup(p.groups)) {
                return -1;
            }
            score += 2;
        }
        if ((s = globScore(devices, q.deviceId())) < 0) {
            return -1;
        }
        score += s;
        if (!agents.isEmpty()) {
            AgentSelector hit = null;
            for (AgentSelector a : agents) {
                if (a.matches(q.agentName(), q.agentVersion())) {
                    hit = a;
                    break;
                }
            }
            if (hit == null) {
                return -1;
            }
            score += hit.exact() ? 2 : 1;
        }
        if (!toolNames.isEmpty() || !toolCategories.isEmpty()) {
            Glob hit = firstMatch(toolNames, q.toolName());
            boolean category = p.toolCategory != null && toolCategories.contains(p.toolCategory);
            if (hit == null && !category) {
                return -1;
            }
            score += hit != null && hit.exact() ? 2 : 1;
        }
        if ((s = globScore(mcpServers, q.mcpServer())) < 0) {
            return -1;
        }
        score += s;
        if (!destinationHosts.isEmpty() || !destinationUrlPrefixes.isEmpty()) {
            Glob hit = firstMatch(destinationHosts, q.destinationHost());
            boolean prefix = false;
            if (p.destinationUrl != null) {
                for (String u : destinationUrlPrefixes) {
                    if (p.destinationUrl.startsWith(u)) {
                        prefix = true;
                        break;
                    }
                }
            }
            if (hit == null && !prefix) {
                return -1;
            }
            score += prefix || hit.exact() ? 2 : 1;
        }
        if ((s = globScore(models, q.model())) < 0) {
            return -1;
        }
        score += s;
        if ((s = globScore(repos, p.repo)) < 0) {
            return -1;
        }
        score += s;
        if ((s = globScore(paths, p.path)) < 0) {
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

    private boolean anyGroup(String[] requestGroups) {
        for (String g : requestGroups) {
            if (groups.contains(g)) {
                return true;
            }
        }
        return false;
    }

    private static Glob firstMatch(List<Glob> globs, String value) {
        for (Glob g : globs) {
            if (g.matches(value)) {
                return g;
            }
        }
        return null;
    }

    /** 0 for an unconstrained dimension, 2 for an exact hit, 1 for a wildcard hit, -1 for no hit. */
    private static int globScore(List<Glob> globs, String value) {
        if (globs.isEmpty()) {
            return 0;
        }
        int best = -1;
        for (Glob g : globs) {
            if (g.matches(value)) {
                best = Math.max(best, g.exact() ? 2 : 1);
            }
        }
        return best;
    }
}
