package io.agentdlp.serde.subject;

import org.apache.avro.Schema;

/** The record's full name, e.g. {@code io.agentdlp.avro.DlpAlert}: one lineage per type across topics. */
public final class RecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return schema.getFullName();
    }
}
