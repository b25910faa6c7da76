package io.agentdlp.registry.server;

/** One decoded record of the schemas topic, in Confluent's storage layout. */
sealed interface LogEntry {

    /** {@code SCHEMA} key: a subject version; {@code record} is null for a tombstone (permanent delete). */
    record Schema(String subject, int version, SchemaRecord record) implements LogEntry {
    }

    /** {@code CONFIG} key: subject is null for the global level; level is null when cleared. */
    record Config(String subject, CompatibilityLevel level) implements LogEntry {
    }

    /** {@code DELETE_SUBJECT} key: soft-deletes every version up to {@code version}; null version for a tombstone. */
    record DeleteSubject(String subject, Integer version) implements LogEntry {
    }

    /**
     * {@code NOOP} key. Confluent writes it with no value; this registry stores the highest schema id it
     * ever assigned in it before a permanent delete, so ids stay unique after compaction.
     */
    record Noop(Integer maxSchemaId) implements LogEntry {
    }
}
