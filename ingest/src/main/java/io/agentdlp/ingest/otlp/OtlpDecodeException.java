package io.agentdlp.ingest.otlp;

/** An OTLP request body that is not a valid {@code ExportLogsServiceRequest}; the message says where and why, never what. */
public final class OtlpDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public OtlpDecodeException(String message) {
        super(message);
    }

    public OtlpDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
