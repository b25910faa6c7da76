package io.agentdlp.serde.subject;

import org.apache.avro.Schema;

/**
 * Chooses the registry subject a record's schema is registered and looked up under. Implementations
 * must be stateless and thread-safe; a custom one is configured by class name and needs a public
 * no-argument constructor.
 */
@FunctionalInterface
public interface SubjectNameStrategy {

    /**
     * @param topic   the Kafka topic
     * @param isKey   true for the record key, false for the value
     * @param schema  the schema of the datum being written or read
     */
    String subjectName(String topic, boolean isKey, Schema schema);
}
