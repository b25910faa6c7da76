package io.agentdlp.registry.client;

import java.util.Objects;

import org.apache.avro.Schema;

/**
 * One version of a subject in the registry.
 *
 * @param subject  the subject, e.g. {@code dlp-alerts-value}
 * @param id       the registry-wide schema id written into the wire format
 * @param version  the version within the subject, from 1
 * @param schema   the parsed Avro schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
