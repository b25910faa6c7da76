package io.agentdlp.ingest.sensor;

/** The verdict service did not give a usable answer; {@link #kind()} says how (timeout, unreachable, status_503...). */
public final class VerdictUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String kind;

    public VerdictUnavailableException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
