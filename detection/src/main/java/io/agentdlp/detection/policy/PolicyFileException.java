package io.agentdlp.detection.policy;

/** A policy file could not be read or is invalid; the message names the file, the rule and the field. */
public class PolicyFileException extends RuntimeException {
    public PolicyFileException(String message) {
        super(message);
    }

    public PolicyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
