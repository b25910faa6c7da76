package io.agentdlp.launcher.replay;

/** A replay file line cannot be read; the message names the file, line and field. */
public final class ReplayFileException extends RuntimeException {
    public ReplayFileException(String message) {
        super(message);
    }

    public ReplayFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
