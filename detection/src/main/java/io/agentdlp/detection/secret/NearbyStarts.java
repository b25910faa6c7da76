package io.agentdlp.detection.secret;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The decoded starts of one view's candidates of the rules that paired rules require nearby, sorted per rule, so
 * that a paired rule's value finds out whether its required rule has a candidate within reach by a binary search
 * instead of a walk over all of the view's candidates (a 10 MB text's view holds some 20,000, and that walk per
 * paired value made the pairing grow with the square of the text's size). Candidates are added in the order they
 * are found; {@link #indexedTo()} says how many were. Not thread-safe: one instance per thread.
 */
final class NearbyStarts {
    /** A rule's array past this many starts is dropped when the next view begins: the next views are small. */
    private static final int MAX_KEPT_STARTS = 1 << 16;

    /** Per rule, true when a paired rule requires it; only those rules' starts are kept. */
    private final boolean[] required;
    private final int[][] starts;
    private final int[] counts;
    private final int[] requiredRules;
    private int indexedTo;

    /** For rules {@code 0 .. requiredRule.length - 1}, where {@code requiredRule[r]} is the rule {@code r} requires, or -1. */
    NearbyStarts(int[] requiredRule) {
        required = new boolean[requiredRule.length];
        for (int r : requiredRule) {
            if (r >= 0) {
                required[r] = true;
            }
        }
        requiredRules = IntStream.range(0, required.length).filter(r -> required[r]).toArray();
        starts = new int[required.length][];
        counts = new int[required.length];
        for (int r : requiredRules) {
            starts[r] = new int[16];
        }
    }

    /** Forgets the starts: the next candidate added is the view's candidate number {@code from} in the scan's list. */
    void reset(int from) {
        for (int r : requiredRules) {
            counts[r] = 0;
            if (starts[r].length > MAX_KEPT_STARTS) {
                starts[r] = new int[16];
            }
        }
        indexedTo = from;
    }

    /** Index in the scan's candidate list of the next candidate to add. */
    int indexedTo() {
        return indexedTo;
    }

    /** The next candidate, of rule {@code rule}, whose value starts at {@code start} in the view. */
    void add(int rule, int start) {
        indexedTo++;
        if (!required[rule]) {
            return;
        }
        int[] s = starts[rule];
        int n = counts[rule];
        if (n == s.length) {
            s = Arrays.copyOf(s, n * 2);
            starts[rule] = s;
        }
        // candidates arrive nearly in text order: the place is at or near the end
        int at = n;
        while (at > 0 && s[at - 1] > start) {
            at--;
        }
        System.arraycopy(s, at, s, at + 1, n - at);
        s[at] = start;
        counts[rule] = n + 1;
    }

    /** True when a candidate of {@code rule} added since the reset starts at most {@code within} chars from {@code at}. */
    boolean anyWithin(int rule, int at, int within) {
        if (!required[rule]) {
            return false;
        }
        int[] s = starts[rule];
        long low = (long) at - within;
        int lo = 0;
        int hi = counts[rule];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < low) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < counts[rule] && s[lo] <= (long) at + within;
    }
}
