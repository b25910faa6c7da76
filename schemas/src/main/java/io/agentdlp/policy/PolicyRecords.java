package io.agentdlp.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.Policy;
import io.agentdlp.avro.PolicyRule;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.policy.Effect;
import io.agentdlp.detection.policy.PolicyDocument;

/**
 * Converts between the policy model of the detection library and the Avro {@code Policy} record on
 * the compacted {@code dlp-policies} topic. Lossless both ways.
 */
public final class PolicyRecords {
    private PolicyRecords() {
    }

    public static Policy toAvro(PolicyDocument d, Instant updatedAt) {
        List<PolicyRule> rules = new ArrayList<>(d.rules().size());
        for (io.agentdlp.detection.policy.PolicyRule r : d.rules()) {
            rules.add(PolicyRule.newBuilder()
                    .setId(r.id())
                    .setDescription(r.description())
                    .setEffect(io.agentdlp.avro.Effect.valueOf(r.effect().name()))
                    .setReason(r.reason())
                    .setSeverity(io.agentdlp.avro.Severity.valueOf(r.severity().name()))
                    .setUsers(r.users())
                    .setGroups(r.groups())
                    .setDevices(r.devices())
                    .setAgents(r.agents())
                    .setTools(r.tools())
                    .setMcpServers(r.mcpServers())
                    .setDestinations(r.destinations())
                    .setModels(r.models())
                    .setRepos(r.repos())
                    .setPaths(r.paths())
                    .setMaxContentBytes(r.minContentBytes())
                    .setRequiresSensitiveContent(r.requiresSensitiveContent())
                    .build());
        }
        return Policy.newBuilder()
                .setPolicyId(d.id())
                .setVersion(d.version())
                .setUpdatedAt(updatedAt)
                .setDefaultEffect(io.agentdlp.avro.Effect.valueOf(d.defaultEffect().name()))
                .setRules(rules)
                .setAllowedDestinations(d.allowedDestinations())
                .setSensitivePaths(d.sensitivePaths())
                .setThresholds(Map.copyOf(d.thresholds()))
                .build();
    }

    public static PolicyDocument fromAvro(Policy p) {
        List<io.agentdlp.detection.policy.PolicyRule> rules = new ArrayList<>(p.getRules().size());
        for (PolicyRule r : p.getRules()) {
            rules.add(new io.agentdlp.detection.policy.PolicyRule(r.getId(), r.getDescription(),
                    Effect.valueOf(r.getEffect().name()), r.getReason(), Severity.valueOf(r.getSeverity().name()),
                    strings(r.getUsers()), strings(r.getGroups()), strings(r.getDevices()), strings(r.getAgents()),
                    strings(r.getTools()), strings(r.getMcpServers()), strings(r.getDestinations()), strings(r.getModels()),
                    strings(r.getRepos()),
                    strings(r.getPaths()), r.getMaxContentBytes(), r.getRequiresSensitiveContent()));
        }
        return new PolicyDocument(p.getPolicyId(), p.getVersion(), Effect.valueOf(p.getDefaultEffect().name()), rules,
                strings(p.getAllowedDestinations()), strings(p.getSensitivePaths()), Map.copyOf(p.getThresholds()));
    }

    private static List<String> strings(List<? extends CharSequence> in) {
        List<String> out = new ArrayList<>(in.size());
        in.forEach(c -> out.add(c.toString()));
        return out;
    }
}
