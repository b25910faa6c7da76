package io.agentdlp.ingest.normalize;

/**
 * A source record that cannot be normalized, naming the offending field and why, e.g.
 * {@code hook_event_name: required}. The message never contains field values.
 */
public final class NormalizationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    public NormalizationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public NormalizationException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
        this.reason = reason;
    }

    /** Path of the offending field in the source record. */
    public String field() {
        return field;
    }

    /** Why the field is not acceptable. */
    public String reason() {
        return reason;
    }
}
