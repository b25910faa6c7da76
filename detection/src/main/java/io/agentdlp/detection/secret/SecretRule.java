package io.agentdlp.detection.secret;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.agentdlp.detection.Severity;

/**
 * One credential type, as loaded from a rule file (see {@code docs/secrets.md} for the format).
 *
 * @param id            unique rule id, e.g. {@code github-pat-classic}
 * @param family        family for reporting, e.g. {@code vcs}, {@code cloud}
 * @param description   human description
 * @param severity      severity of a finding
 * @param confidence    0..1 confidence of a finding
 * @param keywords      lower-case prefilter keywords; the pattern is only tried around their occurrences
 *                      (empty: tried over the whole text)
 * @param pattern       pattern of the credential in its context
 * @param secretGroup   capture group holding the secret (0 = whole match); when it did not take part in
 *                      a match, the first group that did
 * @param minEntropy    minimum Shannon entropy of the secret in bits per char (0 = no check)
 * @param validator     structural check of the secret, or null
 * @param allow         a candidate whose secret contains a match of any of these is dropped
 * @param reject        a match where this pattern also matches (from the match start, within the match) is
 *                      dropped; checked last, so context exclusions cost nothing on hits whose value fails; or null
 * @param windowBefore  chars before a keyword occurrence where a match may start
 * @param windowAfter   chars after a keyword occurrence where a match may end
 * @param anchored      true when every match starts where one of the rule's keywords starts: the pattern is
 *                      then tried once per keyword occurrence ({@code lookingAt}) instead of searched in a window
 * @param generic       true for context rules (assignments); a specific rule wins an overlap
 * @param requires      id of a rule that must have a finding within {@code requiresWithin} chars, or null
 * @param requiresWithin distance in decoded chars for {@code requires}
 * @param examples      true- and false-positive examples
 * @param source        file and line the rule was defined at
 */
public record SecretRule(String id, String family, String description, Severity severity, double confidence,
                         List<String> keywords, Pattern pattern, int secretGroup, double minEntropy,
                         SecretValidator validator, List<Pattern> allow, Pattern reject, int windowBefore, int windowAfter,
                         boolean anchored, boolean generic, String requires, int requiresWithin, RuleExamples examples, String source) {
    public SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pattern, "pattern");
        keywords = List.copyOf(keywords);
        allow = List.copyOf(allow);
    }
}
