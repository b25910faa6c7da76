package io.agentdlp.registry.client;

/** The subject exists but has no such version (error code 40402). */
public class VersionNotFoundException extends SchemaRegistryException {
    public VersionNotFoundException(String message, int httpStatus) {
        super(message, httpStatus, VERSION_NOT_FOUND);
    }
}
