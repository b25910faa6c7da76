package io.agentdlp.registry.server;

import java.util.Objects;

/**
 * One subject version as stored in the schemas topic: Confluent's {@code SCHEMA} value
 * {@code {"subject","version","id","schema","deleted"}} (plus {@code schemaType} and
 * {@code references} when present).
 */
record SchemaRecord(String subject, int version, int id, SchemaContent content, boolean deleted) {
    SchemaRecord {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(content, "content");
    }

    SchemaRecord asDeleted() {
        return deleted ? this : new SchemaRecord(subject, version, id, content, true);
    }

    /** Same subject version with the same id and content: a legal rewrite of the key (only the deleted flag may change). */
    boolean sameRegistration(SchemaRecord other) {
        return other != null && subject.equals(other.subject) && version == other.version && id == other.id
                && content.equals(other.content);
    }
}
