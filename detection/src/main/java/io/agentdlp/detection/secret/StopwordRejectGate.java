package io.agentdlp.detection.secret;

import java.util.regex.Pattern;

/**
 * A necessary condition of the generic rules' {@code reject} pattern, checked before its regex: the rule's own
 * assignment prefix, then {@code [\w.\-]{0,30}?} and one of the stopwords ({@code hash}, {@code digest},
 * {@code _id\b}, ...; {@link #STOPWORDS}, recognised by its exact source as {@link AllowShape} recognises allow
 * patterns). Every char the prefix strings, the filler and the stopwords consume is a name char ({@code [\w.\-]},
 * ASCII: {@code (?i)} without {@code u} folds ASCII letters only), and every stopword consumes at least two, so a
 * reject match lies in the run of name chars from the match start and holds a prefix string that ends before the
 * run does. Most generic matches' names are the prefix alone ({@code API_KEY = ...}): their reject fails without a
 * regex call. Where the condition holds, the regex decides.
 */
final class StopwordRejectGate {
    /** The stopword part of the built-in generic rules' reject patterns, after the prefix. */
    static final String STOPWORDS = "[\\w.\\-]{0,30}?(?i:h(?:ash|int|eader)|digest|s(?:alt|ize|trength|tore)"
            + "|p(?:olicy|rompt|attern|laceholder|ath|rovider)|l(?:ength|en\\b|abel|imit)|f(?:ield|ile|ormat)"
            + "|r(?:eset|egex|ule|equired|ef\\b)|c(?:onfirm|ount|ommand)|e(?:xpir|ngine|ndpoint|nv\\b|xpires)"
            + "|m(?:inimum|aximum|in[_.\\-]|ax[_.\\-]|anager|ode|ount)|t(?:ype|emplate)|u(?:rl|ri|sage)|_(?:id\\b|in\\b)"
            + "|i(?:d\\b|nput|zer|ze\\b)|v(?:alidator|ersion)|n(?:ame|amespace)|arn\\b|budget|k(?:ey_id|eyid))";

    private final AssignmentMatcher assignment;

    private StopwordRejectGate(AssignmentMatcher assignment) {
        this.assignment = assignment;
    }

    /**
     * The gate of {@code reject} for a rule matched by {@code assignment} (may be null), or null when the reject
     * is not the rule's hand-matched prefix followed by {@link #STOPWORDS}.
     */
    static StopwordRejectGate of(Pattern reject, AssignmentMatcher assignment) {
        if (reject == null || reject.flags() != 0 || assignment == null || !assignment.prefixByHand()
                || !reject.pattern().equals(assignment.prefix().pattern() + STOPWORDS)) {
            return null;
        }
        return new StopwordRejectGate(assignment);
    }

    /** False when the reject pattern cannot match at {@code start} within {@code [start, end)}. */
    boolean mayMatch(char[] text, int start, int end) {
        int prefixEnd = assignment.shortestPrefixEnd(text, start, end);
        if (prefixEnd < 0) {
            return false;
        }
        int runEnd = prefixEnd;
        while (runEnd < end && PatternShape.isNameChar(text[runEnd])) {
            runEnd++;
        }
        // a stopword of at least two name chars must fit between the prefix and the run's end
        return runEnd - prefixEnd >= 2;
    }
}
