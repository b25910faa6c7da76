package io.agentdlp.topology.policy;

import io.agentdlp.avro.Policy;
import io.agentdlp.avro.PolicyRule;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.policy.Effect;
import io.agentdlp.detection.policy.PolicyDocument;

/** Converts the Avro {@link Policy} of the {@code dlp-policies} topic into the detection library's policy model. */
public final class PolicyDocuments {
    private PolicyDocuments() {
    }

    public static PolicyDocument fromAvro(Policy p) {
        return new PolicyDocument(p.getPolicyId(), p.getVersion(), Effect.valueOf(p.getDefaultEffect().name()),
                p.getRules().stream().map(PolicyDocuments::rule).toList(), p.getAllowedDestinations(),
                p.getSensitivePaths(), p.getThresholds());
    }

    private static io.agentdlp.detection.policy.PolicyRule rule(PolicyRule r) {
        return new io.agentdlp.detection.policy.PolicyRule(r.getId(), r.getDescription(), Effect.valueOf(r.getEffect().name()),
                r.getReason(), Severity.parse(r.getSeverity().name()), r.getUsers(), r.getGroups(), r.getDevices(),
                r.getAgents(), r.getTools(), r.getMcpServers(), r.getDestinations(), r.getModels(), r.getRepos(), r.getPaths(),
                r.getMaxContentBytes(), r.getRequiresSensitiveContent());
    }
}
