package io.agentdlp.topology.http;

/** A request the API refuses, with the HTTP status and a message safe to return (never request content). */
final class HttpApiException extends RuntimeException {
    private final int status;

    HttpApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
