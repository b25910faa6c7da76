package io.agentdlp.registry.client;

/** The registry has no such subject (error code 40401). */
public class SubjectNotFoundException extends SchemaRegistryException {
    public SubjectNotFoundException(String message, int httpStatus) {
        super(message, httpStatus, SUBJECT_NOT_FOUND);
    }
}
