package io.agentdlp.registry.client;

/**
 * A schema registry call failed. Carries the HTTP status and the registry's {@code error_code}
 * (Confluent's codes, see the constants) so callers can react without parsing messages; the
 * message names the operation, the subject or id, and the registry's own message.
 *
 * <p>{@code errorCode} is the JSON {@code error_code} of the registry's error body, the HTTP status
 * when the body had none, and {@link #CLIENT_SIDE} when the failure was detected by this client
 * (I/O error, malformed response).
 */
public class SchemaRegistryException extends RuntimeException {
    /** The subject does not exist. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** The subject exists but not that version. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** No schema with that id, or the schema is not registered under the subject. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** The schema is not compatible with the subject's earlier versions (HTTP 409). */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** The registry could not parse the schema. */
    public static final int INVALID_SCHEMA = 42201;
    /** The version is not a positive integer or {@code latest}. */
    public static final int INVALID_VERSION = 42202;
    /** The registry's backend store failed. */
    public static final int STORE_ERROR = 50001;
    /** The failure was detected by this client, not reported by the registry. */
    public static final int CLIENT_SIDE = 0;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** HTTP status of the registry's answer; 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent error code; see the class documentation. */
    public int errorCode() {
        return errorCode;
    }

    /**
     * The typed exception for a registry error answer.
     *
     * @param operation        what was attempted, e.g. {@code register subject=agent-egress-events-value}
     * @param httpStatus       HTTP status of the answer
     * @param errorCode        the body's {@code error_code}, or the HTTP status when absent
     * @param registryMessage  the body's {@code message}, or a short description when absent
     */
    public static SchemaRegistryException of(String operation, int httpStatus, int errorCode, String registryMessage) {
        String message = operation + " failed: HTTP " + httpStatus + " error_code=" + errorCode + ": " + registryMessage;
        return switch (errorCode) {
            case SUBJECT_NOT_FOUND -> new SubjectNotFoundException(message, httpStatus);
            case VERSION_NOT_FOUND -> new VersionNotFoundException(message, httpStatus);
            case SCHEMA_NOT_FOUND -> new SchemaNotFoundException(message, httpStatus);
            case INVALID_SCHEMA -> new InvalidSchemaException(message, httpStatus);
            default -> httpStatus == 409
                    ? new IncompatibleSchemaException(message, errorCode)
                    : httpStatus >= 500
                    ? new RegistryUnavailableException(message, httpStatus, errorCode, null)
                    : new SchemaRegistryException(message, httpStatus, errorCode);
        };
    }
}
