package io.agentdlp.detection;

/** Severity of a finding, ordered from least to most severe (same symbols as the Avro enum). */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** One level up, saturating at CRITICAL; used when context (e.g. a non-allowed destination) aggravates a finding. */
    public Severity raise() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    /** Case-insensitive parse with a message naming the accepted values. */
    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown severity '" + s + "' (expected INFO, LOW, MEDIUM, HIGH or CRITICAL)");
        }
    }
}
