package io.agentdlp.serde;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.User;

/** Realistic records of agentdlp's generated classes for serde tests. */
final class TestRecords {
    static {
        // AgentEgressEvent's builder deep-copies its record-typed defaults, which Avro 1.12.2 only allows for trusted classes
        AvroClassTrust.trustGenerated();
    }

    private TestRecords() {
    }

    static Finding finding(String preview) {
        return Finding.newBuilder()
                .setDetector("secret").setRuleId("aws-access-key-id").setSeverity(Severity.HIGH)
                .setConfidence(0.93).setRedactedPreview(preview).setKeyedHash("ab".repeat(32))
                .setField("tool_input.command").setLine(3).setColumn(17).setOffset(120L).setLength(20)
                .build();
    }

    static AgentEgressEvent egressEvent(String text) {
        return AgentEgressEvent.newBuilder()
                .setEventId("e".repeat(64))
                .setEventTime(Instant.ofEpochMilli(1_700_000_000_123L))
                .setIngestTime(Instant.ofEpochMilli(1_700_000_000_456L))
                .setSource(EventSource.claude_hook)
                .setDevice(Device.newBuilder().setId("dev-1").setHostname("laptop").setOs("linux").build())
                .setUser(User.newBuilder().setId("u-7").setEmail(null).build())
                .setAgent(Agent.newBuilder().setName("claude-code").setVersion("2.1.0").setModel("opus").build())
                .setSessionId("s-1").setToolUseId("toolu_01")
                .setKind(EventKind.tool_call)
                .setContent(Content.newBuilder().setText(text).setBytes(text.length()).setField("tool_input.command").build())
                .setFindings(List.of(finding("AKIA****")))
                .setAttributes(Map.of("hook", "PreToolUse"))
                .build();
    }

    static CodeIndexRecord codeIndexRecord() {
        return CodeIndexRecord.newBuilder()
                .setRepo("acme/payments").setSourcePath("src/Main.java").setContentSha256("c".repeat(64))
                .setLineCount(42).setK(5).setW(4)
                .setHashes(List.of(1L, -2L, Long.MAX_VALUE)).setStartLines(List.of(1, 2, 3)).setEndLines(List.of(2, 3, 4))
                .setIndexVersion(7L).setPublishedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .build();
    }

    /** An "older version" of a record schema: the same name without the fields that have defaults. */
    static Schema withoutDefaultedFields(Schema record) {
        List<Schema.Field> kept = new ArrayList<>();
        for (Schema.Field f : record.getFields()) {
            if (!f.hasDefaultValue()) {
                kept.add(new Schema.Field(f, f.schema()));
            }
        }
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, kept);
    }

    /** A "newer version" of a record schema with one more field of {@code type}, with or without default. */
    static Schema withExtraField(Schema record, String name, Schema type, Object defaultValue) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : record.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(defaultValue == null ? new Schema.Field(name, type, null) : new Schema.Field(name, type, null, defaultValue));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
