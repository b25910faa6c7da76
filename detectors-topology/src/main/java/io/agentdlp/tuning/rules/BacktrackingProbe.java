package io.agentdlp.tuning.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentdlp.tuning.rules.RegexNode.Alternation;
import io.agentdlp.tuning.rules.RegexNode.Chars;
import io.agentdlp.tuning.rules.RegexNode.Group;
import io.agentdlp.tuning.rules.RegexNode.GroupKind;
import io.agentdlp.tuning.rules.RegexNode.Repeat;
import io.agentdlp.tuning.rules.RegexNode.Sequence;

/**
 * A bounded adversarial run: for one repetition of a pattern, builds inputs that reach it (a sample
 * of what precedes it), pump its body many times with the characters its parts compete for, and end
 * in a character that makes the match fail, then counts the characters the regex engine reads while
 * finding every match. The count is exact and deterministic (no clocks) and capped by a step budget,
 * so an exponential pattern costs at most the budget. Growth between two pump counts tells the
 * degree of the polynomial; hitting the budget means exponential in practice.
 */
final class BacktrackingProbe {
    /** Engine reads allowed per input before the run is abandoned. */
    static final long BUDGET = 2_000_000;
    /** Fewest body repetitions in the shorter input; the longer input has twice as many. */
    static final int MIN_PUMPS = 16;
    private static final String[] FAILING_ENDS = {"\u0001", "!", "\n", " ", "="};

    /**
     * What one probe measured.
     *
     * @param pumps     body repetitions in the shorter input (the longer one has twice as many)
     * @param shortWork engine reads on the shorter input (or the budget)
     * @param longWork  engine reads on the longer input (or the budget)
     * @param input     the longer input, for the report
     */
    record Result(int pumps, long shortWork, long longWork, String input) {
        boolean exhausted() {
            return shortWork >= BUDGET || longWork >= BUDGET;
        }

        /** Estimated polynomial degree of the work in the input length (2 = quadratic); 0 when nothing was read. */
        int degree() {
            if (shortWork == 0) {
                return 0;
            }
            return (int) Math.round(Math.log((double) longWork / shortWork) / Math.log(2));
        }
    }

    private final Pattern pattern;
    private final RegexHazards analysis;

    BacktrackingProbe(Pattern pattern, RegexHazards analysis) {
        this.pattern = pattern;
        this.analysis = analysis;
    }

    /** Probes {@code loop}, pumping characters from {@code prefer} where the body offers them. */
    Result probe(Repeat loop, CharSet prefer) {
        String prefix = prefix(analysis.root(), loop);
        String pump = sample(loop.body(), prefer);
        if (pump.isEmpty()) {
            pump = String.valueOf(analysis.shape().alphabet(loop.body()).sample());
        }
        // a loop with a large minimum needs more repetitions before its input is long enough to match
        int pumps = Math.max(MIN_PUMPS, loop.min() + MIN_PUMPS / 2);
        long shortWork = 0;
        long longWork = 0;
        String worst = "";
        for (String end : FAILING_ENDS) {
            long s = work(prefix + pump.repeat(pumps) + end);
            String longInput = prefix + pump.repeat(2 * pumps) + end;
            long l = work(longInput);
            if (l > longWork) {
                longWork = l;
                shortWork = s;
                worst = longInput;
            }
        }
        return new Result(pumps, shortWork, longWork, worst);
    }

    /** Engine reads to find every match in {@code input}, capped at {@link #BUDGET}. */
    long work(String input) {
        CountingText text = new CountingText(input);
        try {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                // every match is consumed, as the scanner does
            }
            return text.reads;
        } catch (BudgetExhausted e) {
            return BUDGET;
        }
    }

    /** A minimal string for the parts of the pattern before {@code target}, or null if it is not inside {@code n}. */
    private String prefix(RegexNode n, RegexNode target) {
        if (n == target) {
            return "";
        }
        if (n instanceof Sequence s) {
            StringBuilder acc = new StringBuilder();
            for (RegexNode item : s.items()) {
                String p = prefix(item, target);
                if (p != null) {
                    return acc + p;
                }
                acc.append(sample(item, CharSet.EMPTY));
            }
            return null;
        }
        if (n instanceof Alternation a) {
            for (RegexNode o : a.options()) {
                String p = prefix(o, target);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (n instanceof Group g) {
            return prefix(g.body(), target);
        }
        if (n instanceof Repeat r) {
            return prefix(r.body(), target);
        }
        return null;
    }

    /** A short string the node matches, built from {@code prefer} characters where it allows them. */
    private String sample(RegexNode n, CharSet prefer) {
        if (n instanceof Chars c) {
            CharSet both = c.chars().intersect(prefer);
            return String.valueOf(both.isEmpty() ? c.chars().sample() : both.sample());
        }
        if (n instanceof Sequence s) {
            StringBuilder b = new StringBuilder();
            s.items().forEach(i -> b.append(sample(i, prefer)));
            return b.toString();
        }
        if (n instanceof Alternation a) {
            for (RegexNode o : a.options()) {
                if (!analysis.shape().first(o).intersect(prefer).isEmpty()) {
                    return sample(o, prefer);
                }
            }
            return sample(a.options().get(0), prefer);
        }
        if (n instanceof Group g) {
            return g.kind() == GroupKind.LOOKAROUND ? "" : sample(g.body(), prefer);
        }
        if (n instanceof Repeat r) {
            return sample(r.body(), prefer).repeat(r.min());
        }
        return "";
    }

    /** Thrown out of the regex engine when the budget is spent. */
    private static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted() {
            super("regex step budget exhausted", null, false, false);
        }
    }

    /** Counts every read: the regex engine's only access to its input. */
    private static final class CountingText implements CharSequence {
        private final String s;
        long reads;

        CountingText(String s) {
            this.s = s;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if (++reads >= BUDGET) {
                throw new BudgetExhausted();
            }
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
