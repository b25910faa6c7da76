package io.agentdlp.registry.client;

/** The registry rejected the schema as incompatible with the subject's history (HTTP 409). */
public class IncompatibleSchemaException extends SchemaRegistryException {
    public IncompatibleSchemaException(String message, int errorCode) {
        super(message, 409, errorCode);
    }
}
