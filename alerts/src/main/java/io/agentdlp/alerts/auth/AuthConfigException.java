package io.agentdlp.alerts.auth;

/** The user store, token store or OIDC settings are invalid or unreadable. */
public class AuthConfigException extends RuntimeException {
    public AuthConfigException(String message) {
        super(message);
    }

    public AuthConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
