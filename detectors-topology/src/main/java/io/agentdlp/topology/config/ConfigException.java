package io.agentdlp.topology.config;

/** A configuration value is missing, unknown or malformed; the message names the option and the accepted form. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
