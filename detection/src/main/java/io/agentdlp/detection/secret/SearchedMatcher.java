package io.agentdlp.detection.secret;

/**
 * A built-in rule's regex searched by hand in its windows ({@link OpenAiKeySearch}, {@link NpmrcTokenSearch}), the
 * searched counterpart of {@link AnchoredMatcher}: recognised by its exact pattern source and flags, and proven equal
 * to the regex's {@code find} by its test.
 */
interface SearchedMatcher {
    /** {@link #find}'s answer when a char it does not decide takes part: the regex searches on from {@code from}. */
    int UNDECIDED = -2;

    /**
     * The first match in {@code [from, end)} of {@code text[0, length)}, as the regex's {@code find} from {@code from}
     * reports it (transparent bounds): returns its end and stores its start in {@code bounds[0]} and the secret
     * group's start in {@code bounds[1]}; -1 when there is none, {@link #UNDECIDED} when the regex must search.
     */
    int find(char[] text, int length, int from, int end, int[] bounds);
}
