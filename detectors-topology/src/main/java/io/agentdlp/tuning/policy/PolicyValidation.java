package io.agentdlp.tuning.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyRule;
import io.agentdlp.policy.PolicyRecords;

/**
 * Checks a parsed policy beyond what the file parser rejects: that the engine compiles it, that it
 * survives the trip through the Avro record of the {@code dlp-policies} topic unchanged, that
 * thresholds are finite and non-negative, that it has a version, and that no two rules match exactly
 * the same actions (then the stricter one always decides and the other is dead).
 */
public final class PolicyValidation {
    private PolicyValidation() {
    }

    /**
     * One finding.
     *
     * @param error   errors stop a push; warnings do not
     * @param message what is wrong, naming the rule or setting
     */
    public record Problem(boolean error, String message) {
    }

    public static List<Problem> check(PolicyDocument d) {
        List<Problem> out = new ArrayList<>();
        try {
            new PolicyEngine(d);
        } catch (RuntimeException e) {
            out.add(new Problem(true, "the policy engine rejects it: " + e.getMessage()));
        }
        PolicyDocument back = PolicyRecords.fromAvro(PolicyRecords.toAvro(d, Instant.EPOCH));
        if (!back.equals(d)) {
            out.add(new Problem(true, "it does not survive the conversion to the dlp-policies Avro record unchanged"));
        }
        for (Map.Entry<String, Double> t : d.thresholds().entrySet()) {
            if (t.getValue().isNaN() || t.getValue().isInfinite() || t.getValue() < 0) {
                out.add(new Problem(true, "thresholds." + t.getKey() + " must be a finite number >= 0"));
            }
        }
        if (d.version() <= 0) {
            out.add(new Problem(false, "no version: 'policy push' needs version: 1 or more (or --bump)"));
        }
        List<PolicyRule> rules = d.rules();
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                if (sameMatch(rules.get(i), rules.get(j))) {
                    out.add(new Problem(false, "rules '" + rules.get(i).id() + "' and '" + rules.get(j).id()
                            + "' match exactly the same actions: the stricter effect always wins and the other never decides"));
                }
            }
        }
        return out;
    }

    private static boolean sameMatch(PolicyRule a, PolicyRule b) {
        return a.users().equals(b.users()) && a.groups().equals(b.groups()) && a.devices().equals(b.devices())
                && a.agents().equals(b.agents()) && a.tools().equals(b.tools()) && a.mcpServers().equals(b.mcpServers())
                && a.destinations().equals(b.destinations()) && a.models().equals(b.models())
                && a.repos().equals(b.repos()) && a.paths().equals(b.paths())
                && java.util.Objects.equals(a.minContentBytes(), b.minContentBytes())
                && a.requiresSensitiveContent() == b.requiresSensitiveContent();
    }
}
