package io.agentdlp.registry.client;

/** The registry could not parse the schema (error code 42201). */
public class InvalidSchemaException extends SchemaRegistryException {
    public InvalidSchemaException(String message, int httpStatus) {
        super(message, httpStatus, INVALID_SCHEMA);
    }
}
