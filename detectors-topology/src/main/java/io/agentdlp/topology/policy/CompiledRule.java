package io.agentdlp.topology.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.agentdlp.avro.Effect;
import io.agentdlp.avro.PolicyRule;
import io.agentdlp.detection.Severity;

/**
 * A policy rule with its globs compiled. Every non-empty list must match (one entry of it);
 * specificity is the number of non-empty lists plus conditions, so the most specific rule wins.
 */
final class CompiledRule {
    final String policyId;
    final long version;
    final String id;
    final Effect effect;
    final Severity severity;
    final String reason;
    final int specificity;
    private final List<Glob> users;
    private final List<String> groups;
    private final List<Glob> devices;
    private final List<AgentPattern> agents;
    private final List<String> toolCategories;
    private final List<Glob> toolNames;
    private final List<Glob> mcpServers;
    private final List<Glob> destinationHosts;
    private final List<String> destinationPrefixes;
    private final List<Glob> repos;
    private final List<Glob> paths;
    private final Long maxContentBytes;
    private final boolean requiresSensitive;

    private record AgentPattern(Glob name, VersionRange range) {
        boolean matches(String agent, String version) {
            return name.matches(agent == null ? null : agent.toLowerCase(Locale.ROOT))
                    && (range == null || range.matches(version));
        }
    }

    CompiledRule(String policyId, long version, PolicyRule r) {
        this.policyId = policyId;
        this.version = version;
        this.id = r.getId();
        this.effect = r.getEffect();
        this.severity = Severity.parse(r.getSeverity().name());
        this.reason = r.getReason();
        this.users = hosts(r.getUsers());
        this.groups = r.getGroups().stream().map(g -> g.toLowerCase(Locale.ROOT)).toList();
        this.devices = hosts(r.getDevices());
        List<AgentPattern> ag = new ArrayList<>();
        for (String a : r.getAgents()) {
            int at = a.indexOf('@');
            ag.add(at < 0 ? new AgentPattern(Glob.host(a), null)
                    : new AgentPattern(Glob.host(a.substring(0, at)), VersionRange.parse(a.substring(at + 1))));
        }
        this.agents = List.copyOf(ag);
        List<String> cats = new ArrayList<>();
        List<Glob> names = new ArrayList<>();
        for (String t : r.getTools()) {
            if (t.startsWith("category:")) {
                cats.add(t.substring("category:".length()).toLowerCase(Locale.ROOT));
            } else {
                names.add(Glob.host(t));
            }
        }
        this.toolCategories = List.copyOf(cats);
        this.toolNames = List.copyOf(names);
        this.mcpServers = hosts(r.getMcpServers());
        List<Glob> dh = new ArrayList<>();
        List<String> dp = new ArrayList<>();
        for (String d : r.getDestinations()) {
            if (d.contains("://")) {
                dp.add(d.toLowerCase(Locale.ROOT));
            } else {
                dh.add(Glob.host(d));
            }
        }
        this.destinationHosts = List.copyOf(dh);
        this.destinationPrefixes = List.copyOf(dp);
        this.repos = hosts(r.getRepos());
        this.paths = r.getPaths().stream().map(Glob::path).toList();
        this.maxContentBytes = r.getMaxContentBytes();
        this.requiresSensitive = r.getRequiresSensitiveContent();
        int s = 0;
        for (List<?> l : List.of(r.getUsers(), r.getGroups(), r.getDevices(), r.getAgents(), r.getTools(),
                r.getMcpServers(), r.getDestinations(), r.getRepos(), r.getPaths())) {
            s += l.isEmpty() ? 0 : 1;
        }
        s += maxContentBytes != null ? 1 : 0;
        s += requiresSensitive ? 1 : 0;
        this.specificity = s;
    }

    boolean matches(EgressRequest q) {
        if (!users.isEmpty() && !(Glob.anyHost(users, q.userId()) || Glob.anyHost(users, q.userEmail()))) {
            return false;
        }
        if (!groups.isEmpty() && q.groups().stream().noneMatch(g -> groups.contains(g.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!devices.isEmpty() && !Glob.anyHost(devices, q.deviceId())) {
            return false;
        }
        if (!agents.isEmpty() && agents.stream().noneMatch(a -> a.matches(q.agentName(), q.agentVersion()))) {
            return false;
        }
        if ((!toolCategories.isEmpty() || !toolNames.isEmpty()) && !toolMatches(q)) {
            return false;
        }
        if (!mcpServers.isEmpty() && !Glob.anyHost(mcpServers, q.mcpServer())) {
            return false;
        }
        if ((!destinationHosts.isEmpty() || !destinationPrefixes.isEmpty()) && !destinationMatches(q.endpoint())) {
            return false;
        }
        if (!repos.isEmpty() && !Glob.anyHost(repos, q.repoRemote())) {
            return false;
        }
        if (!paths.isEmpty() && !Glob.anyPath(paths, q.filePath())) {
            return false;
        }
        if (maxContentBytes != null && q.contentBytes() <= maxContentBytes) {
            return false;
        }
        return !requiresSensitive || q.sensitiveContent();
    }

    private boolean toolMatches(EgressRequest q) {
        if (q.toolCategory() != null && toolCategories.contains(q.toolCategory().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return Glob.anyHost(toolNames, q.toolName());
    }

    private boolean destinationMatches(Endpoint e) {
        if (e == null) {
            return false;
        }
        if (Glob.anyHost(destinationHosts, e.host())) {
            return true;
        }
        String url = e.url() == null ? null : e.url().toLowerCase(Locale.ROOT);
        return url != null && destinationPrefixes.stream().anyMatch(url::startsWith);
    }

    private static List<Glob> hosts(List<String> globs) {
        return globs.stream().map(Glob::host).toList();
    }
}
