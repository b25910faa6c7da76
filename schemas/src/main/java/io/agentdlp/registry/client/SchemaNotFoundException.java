package io.agentdlp.registry.client;

/** No schema has that id, or the schema is not registered under the subject (error code 40403). */
public class SchemaNotFoundException extends SchemaRegistryException {
    public SchemaNotFoundException(String message, int httpStatus) {
        super(message, httpStatus, SCHEMA_NOT_FOUND);
    }
}
