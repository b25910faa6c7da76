package io.agentdlp.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.AlertStatus;
import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.Redactor;
import io.agentdlp.serde.AvroClassTrust;

/** Alerts used by the tests: one with every field set, one with only the required ones. */
public final class TestAlerts {
    /** A synthetic credential; evidence is derived from it the way the topology does, so tests can prove it never leaks. */
    public static final String RAW_SECRET = "AKIAZ7QX3EXAMPLEK3Y9";
    public static final KeyedHasher HASHER = KeyedHasher.fromSecret("test-deployment-key-0123456789");

    static {
        AvroClassTrust.trustGenerated();
    }

    private TestAlerts() {
    }

    /** Every field populated, including characters that formats must escape. */
    public static DlpAlert full() {
        return DlpAlert.newBuilder()
                .setAlertId("a1b2c3d4e5f6")
                .setDetector("secret")
                .setRuleId("aws-access-key-id")
                .setSeverity(Severity.HIGH)
                .setTitle("AWS access key sent to api.example-llm.com | by claude-code")
                .setExplanation("An AWS access key id was found in a Bash tool call.\nKey=value pairs & <tags> must be escaped.")
                .setFirstSeen(Instant.parse("2025-03-04T10:15:30.123Z"))
                .setLastSeen(Instant.parse("2025-03-04T10:20:00.456Z"))
                .setOccurrenceCount(3)
                .setEventIds(List.of("ev-1", "ev-2", "ev-3"))
                .setSessionId("sess-42")
                .setDeviceId("dev-7")
                .setUserId("u-1001")
                .setUserEmail("dana@example.com")
                .setAgentName("claude-code")
                .setAgentVersion("1.0.71")
                .setRepoRemote("git@github.com:acme/payments.git")
                .setDestination(Destination.newBuilder().setHost("api.example-llm.com").setPort(443)
                        .setUrl("https://api.example-llm.com/v1/messages").build())
                .setEvidence(List.of(evidence(RAW_SECRET, "tool_input.command", 3, 14, 120L),
                        evidence(RAW_SECRET + "2", "tool_response.stdout", 9, 1, 480L)))
                .setCodeMatch(CodeMatch.newBuilder().setRepo("payments").setSourcePath("src/main/java/com/acme/Ledger.java")
                        .setSourceStartLine(40).setSourceEndLine(72).setProbeStartLine(1).setProbeEndLine(33)
                        .setSimilarity(0.8125).setMatchedFingerprints(26).setContiguous(true).build())
                .setStatus(AlertStatus.OPEN)
                .setContentTruncated(true)
                .setAttributes(Map.of("window", "5m", "bytes", "18211"))
                .build();
    }

    /** Only required fields. */
    public static DlpAlert minimal() {
        return DlpAlert.newBuilder()
                .setAlertId("ffff0000")
                .setDetector("volume")
                .setRuleId("egress-volume-spike")
                .setSeverity(Severity.LOW)
                .setTitle("Unusual egress volume")
                .setExplanation("Far more data than usual was sent.")
                .setFirstSeen(Instant.parse("2025-03-05T00:00:00Z"))
                .setLastSeen(Instant.parse("2025-03-05T00:00:00Z"))
                .build();
    }

    /** A secret alert with a given id, severity and title, last seen at {@code at}. */
    public static DlpAlert secret(String id, Severity severity, String title, Instant at, String session) {
        return DlpAlert.newBuilder(full()).setAlertId(id).setSeverity(severity).setTitle(title).setFirstSeen(at)
                .setLastSeen(at).setOccurrenceCount(1).setSessionId(session).build();
    }

    /** A volume alert (no evidence) with a given id and time. */
    public static DlpAlert volume(String id, Instant at) {
        return DlpAlert.newBuilder(minimal()).setAlertId(id).setFirstSeen(at).setLastSeen(at).setUserId("u-2002")
                .setAgentName("codex").build();
    }

    /** Evidence for a raw value, computed like the detectors do (redacted preview + keyed hash). */
    public static Finding evidence(String raw, String field, int line, int column, long offset) {
        return Finding.newBuilder()
                .setDetector("secret").setRuleId("aws-access-key-id").setSeverity(Severity.HIGH).setConfidence(0.97)
                .setRedactedPreview(Redactor.standard().preview(raw)).setKeyedHash(HASHER.hash(raw))
                .setField(field).setLine(line).setColumn(column).setOffset(offset).setLength(raw.length())
                .build();
    }
}
