package io.agentdlp.registry.client;

import java.util.List;

import org.apache.avro.Schema;

/**
 * The calls the serde needs from a Confluent-compatible schema registry (Avro schemas only).
 * Implementations are thread-safe. Failures are {@link SchemaRegistryException}s (or subclasses by
 * error code), never {@code null} results.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its id. */
    int register(String subject, Schema schema);

    /**
     * Looks up an already registered schema under {@code subject} without registering it.
     *
     * @throws SubjectNotFoundException when the subject does not exist
     * @throws SchemaNotFoundException  when the schema is not one of the subject's versions
     */
    RegisteredSchema lookup(String subject, Schema schema);

    /**
     * The schema with registry-wide id {@code id}.
     *
     * @throws SchemaNotFoundException when no schema has this id
     */
    Schema schemaById(int id);

    /** The latest version of {@code subject}. */
    RegisteredSchema latest(String subject);

    /** Version {@code version} of {@code subject}. */
    RegisteredSchema version(String subject, int version);

    /** The versions of {@code subject}, ascending. */
    List<Integer> versions(String subject);

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {
    }
}
