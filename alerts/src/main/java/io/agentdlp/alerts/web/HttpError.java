package io.agentdlp.alerts.web;

/** Ends a request with an HTTP error status and a message safe to show to the caller. */
public class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
