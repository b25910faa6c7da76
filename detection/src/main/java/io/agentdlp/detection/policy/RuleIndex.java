package io.agentdlp.detection.policy;

import java.util.List;

/**
 * Finds the rules an action can match without testing every rule: one {@link DimensionIndex} per
 * dimension (users, groups, devices, agents, tools, MCP servers, destinations, models, repositories,
 * paths), intersected. The result is exactly the rules whose every constrained dimension matches;
 * content conditions and specificity are left to {@link CompiledRule#score}.
 */
final class RuleIndex {
    private final int ruleCount;
    private final DimensionIndex users;
    private final DimensionIndex groups;
    private final DimensionIndex devices;
    private final DimensionIndex agents;
    private final DimensionIndex tools;
    private final DimensionIndex mcpServers;
    private final DimensionIndex destinations;
    private final DimensionIndex models;
    private final DimensionIndex repos;
    private final DimensionIndex paths;

    RuleIndex(List<CompiledRule> rules) {
        int n = rules.size();
        this.ruleCount = n;
        DimensionIndex.Builder u = DimensionIndex.builder(n);
        DimensionIndex.Builder g = DimensionIndex.builder(n);
        DimensionIndex.Builder d = DimensionIndex.builder(n);
        DimensionIndex.Builder a = DimensionIndex.builder(n);
        DimensionIndex.Builder t = DimensionIndex.builder(n);
        DimensionIndex.Builder m = DimensionIndex.builder(n);
        DimensionIndex.Builder dest = DimensionIndex.builder(n);
        DimensionIndex.Builder mo = DimensionIndex.builder(n);
        DimensionIndex.Builder r = DimensionIndex.builder(n);
        DimensionIndex.Builder p = DimensionIndex.builder(n);
        for (int i = 0; i < n; i++) {
            CompiledRule rule = rules.get(i);
            if (rule.users.isEmpty()) {
                u.unconstrained(i);
            }
            for (Glob glob : rule.users) {
                if (foldable(glob)) {
                    u.exact(CaseFold.of(glob.literal()), i);
                } else {
                    u.test(glob.toString(), q -> glob.matches(q.raw.userId()) || glob.matches(q.raw.userEmail()), i);
                }
            }
            if (rule.groups.isEmpty()) {
                g.unconstrained(i);
            }
            for (String group : rule.groups) {
                g.exact(group, i);
            }
            if (rule.devices.isEmpty()) {
                d.unconstrained(i);
            }
            for (Glob glob : rule.devices) {
                if (glob.exact()) {
                    d.exact(glob.literal(), i);
                } else {
                    d.test(glob.toString(), q -> glob.matches(q.raw.deviceId()), i);
                }
            }
            if (rule.agents.isEmpty()) {
                a.unconstrained(i);
            }
            for (int k = 0; k < rule.agents.size(); k++) {
                AgentSelector sel = rule.agents.get(k);
                String name = sel.plainName();
                if (name != null && !CaseFold.hasSurrogates(name)) {
                    a.exact(CaseFold.of(name), i);
                } else {
                    a.test(rule.rule.agents().get(k).trim(), q -> sel.matches(q.raw.agentName(), q.raw.agentVersion()), i);
                }
            }
            if (rule.toolNames.isEmpty() && rule.toolCategories.isEmpty()) {
                t.unconstrained(i);
            }
            for (Glob glob : rule.toolNames) {
                if (foldable(glob)) {
                    t.exact(toolKey(glob.literal()), i);
                } else {
                    t.test(glob.toString(), q -> glob.matches(q.raw.toolName()), i);
                }
            }
            for (String category : rule.toolCategories) {
                t.exact(categoryKey(category), i);
            }
            if (rule.mcpServers.isEmpty()) {
                m.unconstrained(i);
            }
            for (Glob glob : rule.mcpServers) {
                if (foldable(glob)) {
                    m.exact(CaseFold.of(glob.literal()), i);
                } else {
                    m.test(glob.toString(), q -> glob.matches(q.raw.mcpServer()), i);
                }
            }
            if (rule.destinationHosts.isEmpty() && rule.destinationUrlPrefixes.isEmpty()) {
                dest.unconstrained(i);
            }
            for (Glob glob : rule.destinationHosts) {
                if (foldable(glob)) {
                    dest.exact(CaseFold.of(glob.literal()), i);
                } else {
                    dest.test("host " + glob, q -> glob.matches(q.raw.destinationHost()), i);
                }
            }
            for (String prefix : rule.destinationUrlPrefixes) {
                dest.test("url " + prefix, q -> q.destinationUrl != null && q.destinationUrl.startsWith(prefix), i);
            }
            if (rule.models.isEmpty()) {
                mo.unconstrained(i);
            }
            for (Glob glob : rule.models) {
                if (foldable(glob)) {
                    mo.exact(CaseFold.of(glob.literal()), i);
                } else {
                    mo.test(glob.toString(), q -> glob.matches(q.raw.model()), i);
                }
            }
            if (rule.repos.isEmpty()) {
                r.unconstrained(i);
            }
            for (Glob glob : rule.repos) {
                if (foldable(glob)) {
                    r.exact(CaseFold.of(glob.literal()), i);
                } else {
                    r.test(glob.toString(), q -> glob.matches(q.repo), i);
                }
            }
            if (rule.paths.isEmpty()) {
                p.unconstrained(i);
            }
            for (Glob glob : rule.paths) {
                if (glob.exact()) {
                    p.exact(glob.literal(), i);
                } else {
                    p.test(glob.toString(), q -> glob.matches(q.path), i);
                }
            }
        }
        users = u.build();
        groups = g.build();
        devices = d.build();
        agents = a.build();
        tools = t.build();
        mcpServers = m.build();
        destinations = dest.build();
        models = mo.build();
        repos = r.build();
        paths = p.build();
    }

    /** The rules whose every constrained dimension matches the action, as a bit set over rule positions. */
    long[] candidates(PreparedRequest q) {
        long[] c = new long[(ruleCount + 63) >>> 6];
        for (int w = 0; w < c.length; w++) {
            int left = ruleCount - (w << 6);
            c[w] = left >= 64 ? -1L : (1L << left) - 1;
        }
        PolicyRequest raw = q.raw;
        users.retain(c, q, CaseFold.of(raw.userId()), CaseFold.of(raw.userEmail()));
        groups.retain(c, q, q.groups);
        devices.retain(c, q, raw.deviceId());
        agents.retain(c, q, CaseFold.of(raw.agentName()));
        tools.retain(c, q, raw.toolName() == null ? null : toolKey(raw.toolName()),
                q.toolCategory == null ? null : categoryKey(q.toolCategory));
        mcpServers.retain(c, q, CaseFold.of(raw.mcpServer()));
        destinations.retain(c, q, CaseFold.of(raw.destinationHost()));
        models.retain(c, q, CaseFold.of(raw.model()));
        repos.retain(c, q, CaseFold.of(q.repo));
        paths.retain(c, q, q.path);
        return c;
    }

    /** Exact, case-insensitive patterns whose lookup key is their case fold. */
    private static boolean foldable(Glob glob) {
        return glob.exact() && !CaseFold.hasSurrogates(glob.literal());
    }

    private static String toolKey(String name) {
        return "name:" + CaseFold.of(name);
    }

    private static String categoryKey(String category) {
        return "category:" + category;
    }
}
