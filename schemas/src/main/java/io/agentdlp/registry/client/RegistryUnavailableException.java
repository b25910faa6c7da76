package io.agentdlp.registry.client;

/**
 * No registry URL gave an answer after all retries: connection errors, timeouts or 5xx answers.
 * Carries the status and error code of the last 5xx answer, or 0 / {@link #CLIENT_SIDE} when the
 * last attempt failed without one.
 */
public class RegistryUnavailableException extends SchemaRegistryException {
    public RegistryUnavailableException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, httpStatus, errorCode, cause);
    }
}
