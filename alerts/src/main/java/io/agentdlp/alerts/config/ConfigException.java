package io.agentdlp.alerts.config;

/** Invalid or missing configuration; the message names the setting (never its secret value). */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
