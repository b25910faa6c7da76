package io.agentdlp.tuning.rules;

import java.util.List;

/**
 * The result of scanning one example shipped with a rule, alone, with the whole catalogue.
 *
 * @param ruleId   rule the example belongs to
 * @param source   file and line the rule was defined at
 * @param kind     true-positive examples must be found by their rule, false-positive ones must not
 * @param index    0-based position among the rule's examples of that kind
 * @param passed   whether the expectation held
 * @param found    ids of every rule the scan reported, sorted (never values)
 * @param preview  redacted preview of the example text
 */
public record ExampleOutcome(String ruleId, String source, Kind kind, int index, boolean passed, List<String> found,
                             String preview) {
    public ExampleOutcome {
        found = List.copyOf(found);
    }

    public enum Kind {
        TRUE_POSITIVE("tp"), FALSE_POSITIVE("fp");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** {@code tp} or {@code fp}, as in rule files. */
        public String label() {
            return label;
        }
    }

    /** For example {@code tp#1}. */
    public String name() {
        return kind.label() + "#" + index;
    }
}
