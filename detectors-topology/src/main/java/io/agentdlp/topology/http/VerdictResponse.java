package io.agentdlp.topology.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of {@code POST /v1/verdict}: a suggested decision and the redacted evidence behind it.
 * Never contains the submitted text.
 *
 * @param decision     allow, warn or deny (the caller's mode decides what to enforce)
 * @param maxSeverity  highest severity found, or null
 * @param findings     secret findings (redacted preview and keyed hash only)
 * @param codeMatches  own-code matches
 * @param riskyActions ids of risky-action rules the command or tool input fired
 * @param policy       the policy decision for the destination, or null without one
 * @param truncated    true when the text was scanned only up to the size limit
 * @param scannedChars characters scanned
 * @param codeIndex    {@code global} (whole index queried), {@code unavailable} or {@code disabled}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerdictResponse(
        @JsonProperty("decision") String decision,
        @JsonProperty("max_severity") String maxSeverity,
        @JsonProperty("findings") List<FindingView> findings,
        @JsonProperty("code_matches") List<CodeMatchView> codeMatches,
        @JsonProperty("risky_actions") List<String> riskyActions,
        @JsonProperty("policy") PolicyView policy,
        @JsonProperty("truncated") boolean truncated,
        @JsonProperty("scanned_chars") long scannedChars,
        @JsonProperty("code_index") String codeIndex) {

    /** A redacted finding. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingView(@JsonProperty("detector") String detector, @JsonProperty("rule") String rule,
                              @JsonProperty("severity") String severity, @JsonProperty("preview") String preview,
                              @JsonProperty("hash") String hash, @JsonProperty("line") Integer line,
                              @JsonProperty("column") Integer column) {
    }

    /** An own-code match. */
    public record CodeMatchView(@JsonProperty("repo") String repo, @JsonProperty("source_path") String sourcePath,
                                @JsonProperty("source_lines") List<Integer> sourceLines,
                                @JsonProperty("lines") List<Integer> lines, @JsonProperty("similarity") double similarity,
                                @JsonProperty("matched_fingerprints") int matchedFingerprints,
                                @JsonProperty("severity") String severity) {
    }

    /** The destination's policy decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicyView(@JsonProperty("destination") String destination, @JsonProperty("effect") String effect,
                             @JsonProperty("policy_id") String policyId, @JsonProperty("version") long version,
                             @JsonProperty("rule") String rule, @JsonProperty("reason") String reason) {
    }
}
