package io.agentdlp.detection.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * For one dimension of the rules (users, tools, destinations, …): which rules an action passes on
 * that dimension, as a bit set over rule positions. A rule passes when it does not constrain the
 * dimension or when one of its patterns matches. Exact patterns are found with one hash lookup per
 * action value; every other distinct pattern is tested once per action, however many rules share it.
 */
final class DimensionIndex {
    private final long[] unconstrained;
    private final Map<String, long[]> exact;
    private final List<Predicate<PreparedRequest>> tests;
    private final List<long[]> testRules;

    private DimensionIndex(long[] unconstrained, Map<String, long[]> exact, List<Predicate<PreparedRequest>> tests,
                           List<long[]> testRules) {
        this.unconstrained = unconstrained;
        this.exact = exact;
        this.tests = tests;
        this.testRules = testRules;
    }

    /**
     * Narrows {@code candidates} to the rules this action passes on this dimension.
     *
     * @param keys the action's lookup keys for the exact patterns (nulls are skipped)
     */
    void retain(long[] candidates, PreparedRequest q, String... keys) {
        long[] pass = unconstrained.clone();
        for (String k : keys) {
            long[] hit = k == null ? null : exact.get(k);
            if (hit != null) {
                or(pass, hit);
            }
        }
        for (int i = 0; i < tests.size(); i++) {
            if (tests.get(i).test(q)) {
                or(pass, testRules.get(i));
            }
        }
        for (int w = 0; w < candidates.length; w++) {
            candidates[w] &= pass[w];
        }
    }

    private static void or(long[] into, long[] bits) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= bits[w];
        }
    }

    static Builder builder(int ruleCount) {
        return new Builder(ruleCount);
    }

    /** Collects, rule by rule, how each rule constrains the dimension. */
    static final class Builder {
        private final int words;
        private final long[] unconstrained;
        private final Map<String, long[]> exact = new HashMap<>();
        private final Map<String, Predicate<PreparedRequest>> tests = new LinkedHashMap<>();
        private final Map<String, long[]> testRules = new HashMap<>();

        private Builder(int ruleCount) {
            this.words = (ruleCount + 63) >>> 6;
            this.unconstrained = new long[words];
        }

        /** The rule sets no pattern on this dimension. */
        Builder unconstrained(int rule) {
            set(unconstrained, rule);
            return this;
        }

        /** The rule matches when one of the action's keys equals this one. */
        Builder exact(String key, int rule) {
            set(exact.computeIfAbsent(key, k -> new long[words]), rule);
            return this;
        }

        /**
         * The rule matches when this test passes; tests with the same id are the same test and run
         * once per action.
         */
        Builder test(String id, Predicate<PreparedRequest> test, int rule) {
            tests.putIfAbsent(id, test);
            set(testRules.computeIfAbsent(id, k -> new long[words]), rule);
            return this;
        }

        DimensionIndex build() {
            List<Predicate<PreparedRequest>> t = new ArrayList<>(tests.values());
            List<long[]> r = new ArrayList<>();
            tests.keySet().forEach(id -> r.add(testRules.get(id)));
            return new DimensionIndex(unconstrained, Map.copyOf(exact), List.copyOf(t), List.copyOf(r));
        }

        private static void set(long[] bits, int i) {
            bits[i >>> 6] |= 1L << (i & 63);
        }
    }
}
