package io.agentdlp.registry.server;

/** The registry could not start: the schemas topic is unusable, the port is taken, a credential file is unreadable... */
public class RegistryStartupException extends RuntimeException {
    public RegistryStartupException(String message) {
        super(message);
    }

    public RegistryStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
