package io.agentdlp.registry.server;

import java.util.Objects;

/**
 * A named type that a schema imports from another subject's version, as in Confluent's
 * {@code "references": [{"name": "com.acme.Address", "subject": "address", "version": 1}]}.
 *
 * @param name    the Avro full name the referencing schema uses
 * @param subject subject holding the referenced schema
 * @param version version in that subject ({@code -1} means latest at registration time)
 */
public record SchemaReference(String name, String subject, int version) {
    public SchemaReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
    }
}
