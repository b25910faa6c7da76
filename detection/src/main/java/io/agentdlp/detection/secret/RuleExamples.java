package io.agentdlp.detection.secret;

import java.util.List;

/**
 * Examples shipped with a rule: each true positive must yield a finding of the rule when scanned
 * alone, each false positive must not.
 */
public record RuleExamples(List<String> truePositives, List<String> falsePositives) {
    public static final RuleExamples NONE = new RuleExamples(List.of(), List.of());

    public RuleExamples {
        truePositives = List.copyOf(truePositives);
        falsePositives = List.copyOf(falsePositives);
    }
}
