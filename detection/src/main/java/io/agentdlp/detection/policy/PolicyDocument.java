package io.agentdlp.detection.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A versioned policy: rules, the default effect when none matches, the destinations always allowed
 * for model/API traffic, the paths whose reads are sensitive, and named detector thresholds. Same
 * content as the Avro {@code Policy} record on the {@code dlp-policies} topic.
 */
public record PolicyDocument(String id, long version, Effect defaultEffect, List<PolicyRule> rules,
                             List<String> allowedDestinations, List<String> sensitivePaths,
                             Map<String, Double> thresholds) {
    public PolicyDocument {
        Objects.requireNonNull(id, "policy id");
        defaultEffect = defaultEffect == null ? Effect.ALLOW : defaultEffect;
        rules = List.copyOf(rules);
        allowedDestinations = List.copyOf(allowedDestinations);
        sensitivePaths = List.copyOf(sensitivePaths);
        thresholds = Map.copyOf(thresholds);
    }

    /** An empty policy that allows everything: what runs before any policy was published. */
    public static PolicyDocument allowAll() {
        return new PolicyDocument("default", 0, Effect.ALLOW, List.of(), List.of(), List.of(), Map.of());
    }
}
