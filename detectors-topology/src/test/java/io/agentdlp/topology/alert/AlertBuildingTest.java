package io.agentdlp.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.detection.Severity;

/** {@link AlertDraft#build} and {@link Evidence#of} give what the generated builders gave ({@link AlertBuildingReference}). */
class AlertBuildingTest {
    private static final Severity[] SEVERITIES = Severity.values();

    @Test
    void randomDraftsBuildTheBuildersAlert() throws Exception {
        Random rnd = new Random(20261125);
        for (int i = 0; i < 10_000; i++) {
            AlertContext ctx = context(rnd);
            String detector = RandomAlerts.text(rnd, 12);
            String ruleId = RandomAlerts.text(rnd, 20);
            Severity severity = SEVERITIES[rnd.nextInt(SEVERITIES.length)];
            AlertDraft draft = AlertDraft.of(ctx, detector, ruleId, severity);
            String title = detector + " " + ruleId;
            if (rnd.nextBoolean()) {
                title = RandomAlerts.text(rnd, 60);
                draft.title(title);
            }
            String explanation = "";
            if (rnd.nextBoolean()) {
                explanation = RandomAlerts.text(rnd, 200);
                draft.explanation(explanation);
            }
            String evidenceKey = "";
            if (rnd.nextBoolean()) {
                evidenceKey = rnd.nextInt(5) == 0 ? null : RandomAlerts.text(rnd, 64);
                draft.evidenceKey(evidenceKey);
            }
            List<Finding> evidence = new ArrayList<>();
            for (int n = rnd.nextInt(4); n > 0; n--) {
                Finding f = Evidence.of(detectionFinding(rnd), RandomAlerts.text(rnd, 20));
                evidence.add(f);
                draft.evidence(f);
            }
            CodeMatch codeMatch = null;
            if (rnd.nextBoolean()) {
                codeMatch = RandomAlerts.alert(rnd).getCodeMatch();
                draft.codeMatch(codeMatch);
            }
            Map<String, String> attributes = new HashMap<>();
            for (int n = rnd.nextInt(6); n > 0; n--) {
                String k = RandomAlerts.text(rnd, 10);
                String v = rnd.nextInt(4) == 0 ? null : RandomAlerts.text(rnd, 30);
                draft.attribute(k, v);
                if (v != null) {
                    attributes.put(k, v);
                }
            }
            DlpAlert expected = AlertBuildingReference.alert(ctx, detector, ruleId, severity, title, explanation, evidenceKey,
                    evidence, codeMatch, attributes);
            assertSame(draft.build(), expected, "alert " + i);
        }
    }

    @Test
    void nullTitleOrExplanationFailsAsTheBuilderDid() {
        Random rnd = new Random(3);
        AlertContext ctx = context(rnd);
        for (boolean title : new boolean[] {true, false}) {
            AlertDraft draft = AlertDraft.of(ctx, "secret", "rule", Severity.HIGH);
            if (title) {
                draft.title(null);
            } else {
                draft.explanation(null);
            }
            Throwable expected = catchThrowable(() -> AlertBuildingReference.alert(ctx, "secret", "rule", Severity.HIGH,
                    title ? null : "secret rule", title ? "" : null, "", List.of(), null, Map.of()));
            assertThat(expected).isNotNull();
            assertThatThrownBy(draft::build).isExactlyInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        }
    }

    @Test
    void randomFindingsBecomeTheBuildersEvidence() throws Exception {
        Random rnd = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            io.agentdlp.detection.Finding f = detectionFinding(rnd);
            String field = rnd.nextInt(3) == 0 ? null : RandomAlerts.text(rnd, 20);
            Finding actual = Evidence.of(f, field);
            Finding expected = AlertBuildingReference.evidence(f, field);
            assertSameRecord(actual, expected, "finding " + i);
        }
    }

    static void assertSame(DlpAlert actual, DlpAlert expected, String what) throws Exception {
        assertSameRecord(actual, expected, what);
        assertThat(bytes(actual.toByteBuffer())).as(what).isEqualTo(bytes(expected.toByteBuffer()));
        assertThat(actual.getEventIds().getClass()).as(what).isEqualTo(expected.getEventIds().getClass());
        assertThat(actual.getEvidence().getClass()).as(what).isEqualTo(expected.getEvidence().getClass());
        assertThat(actual.getAttributes().getClass()).as(what).isEqualTo(expected.getAttributes().getClass());
        assertThat(List.copyOf(actual.getAttributes().entrySet())).as(what).isEqualTo(List.copyOf(expected.getAttributes().entrySet()));
        assertThat(actual.getFirstSeen()).isEqualTo(expected.getFirstSeen());
        assertThat(actual.getLastSeen()).isEqualTo(expected.getLastSeen());
        assertThat(actual.getOccurrenceCount()).isEqualTo(expected.getOccurrenceCount());
    }

    /**
     * Same text, and the same class in every field. Avro's record equality is false for NaN in distinct
     * records, so values are compared through {@code toString} (and the callers' bytes) instead.
     */
    static void assertSameRecord(SpecificRecordBase actual, SpecificRecordBase expected, String what) throws Exception {
        assertThat(actual.toString()).as(what).isEqualTo(expected.toString());
        assertThat(bytes(new BinaryMessageEncoder<SpecificRecordBase>(actual.getSpecificData(), actual.getSchema()).encode(actual)))
                .as(what).isEqualTo(bytes(new BinaryMessageEncoder<SpecificRecordBase>(expected.getSpecificData(), expected.getSchema())
                        .encode(expected)));
        for (int f = 0; f < expected.getSchema().getFields().size(); f++) {
            Object a = actual.get(f);
            Object e = expected.get(f);
            assertThat(a == null ? null : a.getClass()).as("%s field %d", what, f).isEqualTo(e == null ? null : e.getClass());
        }
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    static AlertContext context(Random rnd) {
        DlpAlert a = RandomAlerts.alert(rnd);
        return new AlertContext(RandomAlerts.text(rnd, 40), rnd.nextInt(4) == 0 ? null : RandomAlerts.text(rnd, 64),
                rnd.nextLong() >> 20, a.getSessionId(), a.getDeviceId(), a.getUserId(), a.getUserEmail(), a.getAgentName(),
                a.getAgentVersion(), a.getRepoRemote(), a.getDestination(), rnd.nextBoolean());
    }

    private static io.agentdlp.detection.Finding detectionFinding(Random rnd) {
        double confidence = switch (rnd.nextInt(5)) {
            case 0 -> Double.NaN;
            case 1 -> -0.0;
            default -> rnd.nextDouble();
        };
        return new io.agentdlp.detection.Finding(RandomAlerts.text(rnd, 10), RandomAlerts.text(rnd, 30),
                SEVERITIES[rnd.nextInt(SEVERITIES.length)], confidence, RandomAlerts.text(rnd, 40), RandomAlerts.text(rnd, 64),
                rnd.nextInt(3) - 1 + rnd.nextInt(2) * rnd.nextInt(1000), rnd.nextInt(3) - 1 + rnd.nextInt(2) * rnd.nextInt(200),
                rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(3) == 0 ? 0 : rnd.nextLong() >>> 1, rnd.nextInt(3) - 1 + rnd.nextInt(2) * rnd.nextInt(100),
                rnd.nextBoolean() ? null : RandomAlerts.text(rnd, 20));
    }
}
