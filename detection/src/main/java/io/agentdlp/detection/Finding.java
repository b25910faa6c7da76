package io.agentdlp.detection;

import java.util.Objects;

/**
 * One detection result. Carries only a redacted preview and a keyed hash of the matched value,
 * never the value itself, so findings may be logged, published and shown.
 *
 * @param detector        detector family, e.g. {@code secret}, {@code pii}
 * @param ruleId          rule within the detector
 * @param severity        severity of the rule
 * @param confidence      0..1
 * @param redactedPreview a few leading characters and a mask
 * @param keyedHash       hex HMAC-SHA256 of the value under the deployment key
 * @param line            1-based line of the match start in the original text
 * @param column          1-based column of the match start
 * @param offset          0-based char offset of the match start in the original text
 * @param length          length in chars of the match in the original text
 * @param field           where in the event the text came from (may be null)
 */
public record Finding(String detector, String ruleId, Severity severity, double confidence,
                      String redactedPreview, String keyedHash, int line, int column, long offset, int length,
                      String field) {
    public Finding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(redactedPreview, "redactedPreview");
        Objects.requireNonNull(keyedHash, "keyedHash");
    }

    /** Same finding attributed to an event field. */
    public Finding withField(String f) {
        return new Finding(detector, ruleId, severity, confidence, redactedPreview, keyedHash, line, column, offset, length, f);
    }
}
