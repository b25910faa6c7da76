package io.agentdlp.tuning.rules;

/**
 * A structure that lets the regex engine try exponentially (or polynomially) many ways to match:
 * a repetition whose iterations can split the same characters differently.
 *
 * @param kind       what makes the split ambiguous
 * @param loop       the outer repetition
 * @param expression source text of {@code loop}
 * @param overlap    the characters two parts compete for
 */
record RegexHazard(Kind kind, RegexNode.Repeat loop, String expression, CharSet overlap) {
    enum Kind {
        /** An iteration can end and the next begin on the same characters (e.g. {@code (\w+\s?)+}). */
        NESTED_QUANTIFIER,
        /** Alternatives that can start with the same character, repeated (e.g. {@code (\w|\d)+}). */
        OVERLAPPING_ALTERNATION
    }

    /** One line for a report. */
    String describe() {
        return switch (kind) {
            case NESTED_QUANTIFIER -> "nested quantifier " + expression + ": one iteration can end and the next begin on "
                    + overlap.describe() + ", so a run of those characters splits in exponentially many ways";
            case OVERLAPPING_ALTERNATION -> "alternatives that overlap on " + overlap.describe() + " under the quantifier of "
                    + expression + ": each iteration can take either branch";
        };
    }
}
