package io.agentdlp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class AuditTrailVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> trail(String session, int n) {
        List<String> lines = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            ObjectNode r = JSON.createObjectNode();
            r.put("class_uid", 1007).put("activity_id", 1).put("time", 1_700_000_000_000L + i);
            r.putObject("metadata").put("uid", session + "-e" + i);
            r.putObject("process").put("cmd_line", "git status #" + i);
            prev = AuditChain.link(r, session, i, prev);
            lines.add(r.toString());
        }
        return lines;
    }

    private static AuditVerification verify(List<String> lines) throws IOException {
        return new AuditTrailVerifier().verify(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    @Test
    void intactTrailOfInterleavedSessionsVerifies() throws IOException {
        List<String> a = trail("dev1:s1", 5);
        List<String> b = trail("dev1:s2", 3);
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mixed.add(a.get(i));
            if (i < 3) {
                mixed.add(b.get(i));
            }
        }
        AuditVerification v = verify(mixed);
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(8);
        assertThat(v.sessions()).isEqualTo(2);
    }

    @Test
    void keyOrderOfAStoredRecordDoesNotMatter() throws IOException {
        List<String> lines = trail("s", 2);
        // a SIEM may store keys in another order: re-serialise with reversed top-level keys
        ObjectNode r = (ObjectNode) JSON.readTree(lines.get(1));
        ObjectNode reordered = JSON.createObjectNode();
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        for (int i = keys.size() - 1; i >= 0; i--) {
            reordered.set(keys.get(i), r.get(keys.get(i)));
        }
        lines.set(1, reordered.toString());
        assertThat(verify(lines).intact()).isTrue();
    }

    @Test
    void oneEditedRecordFailsAndIsNamed() throws IOException {
        List<String> lines = trail("dev1:s1", 4);
        lines.set(2, lines.get(2).replace("git status #3", "rm -rf /tmp/evidence"));
        AuditVerification v = verify(lines);
        assertThat(v.intact()).isFalse();
        assertThat(v.violations()).hasSize(1);
        AuditViolation x = v.violations().get(0);
        assertThat(x.line()).isEqualTo(3);
        assertThat(x.recordId()).isEqualTo("dev1:s1-e3");
        assertThat(x.problem()).contains("hash mismatch");
    }

    @Test
    void removedOrReorderedRecordsAreDetected() throws IOException {
        List<String> removed = trail("s", 4);
        removed.remove(1);
        assertThat(verify(removed).violations()).singleElement()
                .satisfies(x -> assertThat(x.problem()).contains("records 2..2 are missing"));

        List<String> swapped = trail("s", 4);
        String tmp = swapped.get(1);
        swapped.set(1, swapped.get(2));
        swapped.set(2, tmp);
        assertThat(verify(swapped).intact()).isFalse();
    }

    @Test
    void recordWhoseHashWasRecomputedStillBreaksTheNextLink() throws IOException {
        List<String> lines = trail("s", 3);
        ObjectNode r = (ObjectNode) JSON.readTree(lines.get(1));
        ((ObjectNode) r.get("process")).put("cmd_line", "forged");
        AuditChain.link(r, "s", 2, r.get("unmapped").get(AuditChain.PREV).asText());
        lines.set(1, r.toString());
        AuditVerification v = verify(lines);
        assertThat(v.violations()).singleElement().satisfies(x -> {
            assertThat(x.seq()).isEqualTo(3);
            assertThat(x.problem()).contains("prev hash mismatch");
        });
    }

    @Test
    void exportWindowStartingMidSessionIsReportedNotFailed() throws IOException {
        List<String> lines = trail("s", 5).subList(2, 5);
        AuditVerification v = verify(new ArrayList<>(lines));
        assertThat(v.intact()).isTrue();
        assertThat(v.partialStarts()).containsExactly("s starts at seq 3");
    }

    @Test
    void garbageAndUnchainedLinesAreViolations() throws IOException {
        AuditVerification v = verify(List.of("{not json", "{\"class_uid\":1001}"));
        assertThat(v.violations()).extracting(AuditViolation::problem)
                .containsExactly("not valid JSON", "record carries no hash-chain fields");
    }
}
