package io.agentdlp.tuning.rules;

/**
 * One problem {@link RuleLinter} found in a rule.
 *
 * @param ruleId  the rule
 * @param source  file and line the rule was defined at
 * @param check   which check found it
 * @param level   errors make {@code rules lint} fail
 * @param message what is wrong and how to fix it; names sub-expressions and rule ids, never values
 */
public record LintIssue(String ruleId, String source, Check check, Level level, String message) {
    public enum Level { ERROR, WARNING }

    public enum Check {
        /** The adversarial run exhausted its step budget. */
        CATASTROPHIC_BACKTRACKING("catastrophic-backtracking"),
        /** Static analysis found an ambiguous repetition the adversarial run did not blow up. */
        AMBIGUOUS_REGEX("ambiguous-regex"),
        /** Work grows at least cubically with the input on adversarial text. */
        SUPERLINEAR_REGEX("superlinear-regex"),
        /** The pattern cannot be analysed (syntax the analyser does not know). */
        UNANALYSABLE_REGEX("unanalysable-regex"),
        /** No keywords: the pattern runs over all text. */
        NO_KEYWORDS("no-keywords"),
        /** Same pattern as another rule. */
        DUPLICATE_RULE("duplicate-rule"),
        /** Another rule wins every true-positive example of this rule. */
        SHADOWED_RULE("shadowed-rule"),
        /** A true-positive example is reported as another rule instead. */
        EXAMPLE_WRONG_RULE("example-wrong-rule");

        private final String id;

        Check(String id) {
            this.id = id;
        }

        /** Kebab-case id used in reports. */
        public String id() {
            return id;
        }
    }
}
