package io.agentdlp.tuning.rules;

import java.util.List;

/**
 * The structure of a java.util.regex pattern as far as backtracking analysis needs it. Every node
 * remembers its span in the pattern source so a report can quote the offending sub-expression.
 */
sealed interface RegexNode {
    /** Marks an unbounded maximum repetition count. */
    int UNBOUNDED = -1;

    int start();

    int end();

    /** One character from {@code chars}. */
    record Chars(int start, int end, CharSet chars) implements RegexNode {
    }

    /** Zero-width: anchors and word boundaries. */
    record Empty(int start, int end) implements RegexNode {
    }

    /** A back reference: unknown content, treated as matching anything. */
    record BackReference(int start, int end) implements RegexNode {
    }

    record Sequence(int start, int end, List<RegexNode> items) implements RegexNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    record Alternation(int start, int end, List<RegexNode> options) implements RegexNode {
        public Alternation {
            options = List.copyOf(options);
        }
    }

    record Group(int start, int end, RegexNode body, GroupKind kind) implements RegexNode {
    }

    record Repeat(int start, int end, RegexNode body, int min, int max, RepeatMode mode) implements RegexNode {
        /** True when the body may run more than once. */
        boolean repeats() {
            return max == UNBOUNDED || max > 1;
        }

        /** True when the number of iterations is not fixed. */
        boolean variable() {
            return max == UNBOUNDED || max > min;
        }
    }

    enum GroupKind {
        CAPTURING, NON_CAPTURING,
        /** {@code (?>...)}: never backtracked into. */
        ATOMIC,
        /** Look-ahead or look-behind: zero-width. */
        LOOKAROUND
    }

    enum RepeatMode { GREEDY, LAZY, POSSESSIVE }
}
