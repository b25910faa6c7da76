package io.agentdlp.ingest.sensor.install;

/** An agent's settings could not be changed (unreadable JSON, no permission, unsupported option). */
public final class InstallException extends Exception {
    private static final long serialVersionUID = 1L;

    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
