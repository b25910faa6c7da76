package io.agentdlp.launcher.scan;

/** Human description of a rule id, for formats that describe rules (SARIF). */
@FunctionalInterface
public interface RuleDescriptions {
    /** Description of {@code ruleId} of {@code detector}, or null when unknown. */
    String describe(String detector, String ruleId);
}
