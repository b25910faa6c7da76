package io.agentdlp.detection.secret;

/**
 * A built-in anchored rule's regex matched by hand at its keyword: answers what the regex's {@code lookingAt} finds
 * in {@code text[start, end)} with transparent bounds ({@code length} the text's).
 */
interface AnchoredMatcher {
    /**
     * The end of the match, with the secret group's start in {@code group[0]} and its end in {@code group[1]}; or
     * {@link AssignmentMatcher#NO_MATCH}; or {@link AssignmentMatcher#UNDECIDED} where only the regex can tell.
     */
    int match(char[] text, int length, int start, int end, int[] group);
}
