package io.agentdlp.detection.secret;

import java.util.Arrays;

/**
 * What the candidate checks found out about one matched value during one scan, so that a value matched
 * again (by another rule with the same checks, at another place, in another rendering) is not checked
 * again: the verdict per check profile (rules with the same minimum entropy, allow patterns and
 * validator get the same verdict), the value's entropy and whether it holds a placeholder. Every check
 * is a function of the value alone, so a remembered result is the one a new check would give.
 * Reused by {@link ValueMemo} for another value after the memo forgets. Confined to the scanning thread.
 */
final class ValueChecks {
    static final int UNCHECKED = -1;
    static final int REJECTED = 0;
    static final int ACCEPTED = 1;
    private static final byte UNKNOWN = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    /** Check profiles with a verdict, and the verdicts; a value is matched by few rules, so a list is enough. */
    private int[] profiles = new int[2];
    private byte[] verdicts = new byte[2];
    private int count;
    private double entropy = Double.NaN;
    private byte placeholder = UNKNOWN;
    private String value;

    /** Starts over for {@code value} (null: no value), with nothing known about it. */
    void reset(String value) {
        this.value = value;
        count = 0;
        entropy = Double.NaN;
        placeholder = UNKNOWN;
    }

    /** The value these results are about. */
    String value() {
        return value;
    }

    /** The recorded verdict for {@code profile}: {@link #ACCEPTED}, {@link #REJECTED} or {@link #UNCHECKED}. */
    int verdict(int profile) {
        for (int i = 0; i < count; i++) {
            if (profiles[i] == profile) {
                return verdicts[i] == YES ? ACCEPTED : REJECTED;
            }
        }
        return UNCHECKED;
    }

    void record(int profile, boolean accepted) {
        if (count == profiles.length) {
            profiles = Arrays.copyOf(profiles, count * 2);
            verdicts = Arrays.copyOf(verdicts, count * 2);
        }
        profiles[count] = profile;
        verdicts[count] = accepted ? YES : NO;
        count++;
    }

    double entropy(String value, int[] charCounts) {
        if (Double.isNaN(entropy)) {
            entropy = Entropy.bitsPerChar(value, charCounts);
        }
        return entropy;
    }

    boolean placeholder(String value, PlaceholderMatcher matcher, PlaceholderMatcher.Matchers matchers) {
        if (placeholder == UNKNOWN) {
            placeholder = matcher.containsPlaceholder(value, matchers) ? YES : NO;
        }
        return placeholder == YES;
    }
}
