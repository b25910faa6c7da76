package io.agentdlp.alerts.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import io.agentdlp.avro.AlertTriage;
import io.agentdlp.avro.TriageAction;
import io.agentdlp.avro.TriageStatus;
import org.junit.jupiter.api.Test;

class TriageRulesTest {
    private static final Instant T0 = Instant.parse("2025-02-01T09:00:00Z");
    /** Shaped like a real AWS key id (the fixture's contains EXAMPLE, which scanners treat as a placeholder). */
    private static final String PASTED_KEY = "AKIAQ3EGRT7XKZPL5V2N";
    private final TriageRules rules = new TriageRules(Duration.ofDays(90), FreeTextRedaction.secrets());

    @Test
    void actionsMoveTheStatusAndRecordHistory() {
        TriageState s = TriageState.untouched("a1");
        s = rules.apply(s, TriageRequest.acknowledge(), "ana", T0);
        assertThat(s.status()).isEqualTo(TriageStatus.ACKNOWLEDGED);
        s = rules.apply(s, TriageRequest.assign("bob"), "ana", T0.plusSeconds(1));
        assertThat(s.assignee()).isEqualTo("bob");
        assertThat(s.status()).as("assigning keeps the status").isEqualTo(TriageStatus.ACKNOWLEDGED);
        s = rules.apply(s, TriageRequest.suppress(T0.plus(Duration.ofDays(1)), "  known test key "), "bob", T0.plusSeconds(2));
        assertThat(s.status()).isEqualTo(TriageStatus.SUPPRESSED);
        assertThat(s.suppressReason()).isEqualTo("known test key");
        assertThat(s.suppressedAt(T0.plus(Duration.ofHours(23)))).isTrue();
        assertThat(s.suppressedAt(T0.plus(Duration.ofDays(2)))).isFalse();
        s = rules.apply(s, TriageRequest.resolve(), "bob", T0.plusSeconds(3));
        assertThat(s.status()).isEqualTo(TriageStatus.RESOLVED);
        assertThat(s.suppressedUntil()).isNull();
        s = rules.apply(s, TriageRequest.unassign(), "bob", T0.plusSeconds(4));
        assertThat(s.assignee()).isNull();
        assertThat(s.version()).isEqualTo(5);
        assertThat(s.history()).extracting(TriageState.Entry::action).containsExactly(TriageAction.ACKNOWLEDGE,
                TriageAction.ASSIGN, TriageAction.SUPPRESS, TriageAction.RESOLVE, TriageAction.UNASSIGN);
        assertThat(s.updatedBy()).isEqualTo("bob");
        assertThat(TriageCodec.fromAvro(TriageCodec.toAvro(s))).isEqualTo(s);
        AlertTriage avro = TriageCodec.toAvro(s);
        assertThat(avro.getHistory()).hasSize(5);
    }

    @Test
    void invalidRequestsAreRefused() {
        TriageState s = TriageState.untouched("a1");
        assertThatThrownBy(() -> rules.apply(s, TriageRequest.suppress(T0.minusSeconds(1), "r"), "ana", T0))
                .isInstanceOf(TriageException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> rules.apply(s, TriageRequest.suppress(T0.plus(Duration.ofDays(91)), "r"), "ana", T0))
                .hasMessageContaining("90 days");
        assertThatThrownBy(() -> rules.apply(s, TriageRequest.suppress(T0.plusSeconds(60), " "), "ana", T0))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> rules.apply(s, TriageRequest.comment(""), "ana", T0)).hasMessageContaining("empty");
        assertThatThrownBy(() -> rules.apply(s, TriageRequest.comment("x".repeat(4001)), "ana", T0))
                .hasMessageContaining("longer");
        assertThatThrownBy(() -> rules.apply(s, TriageRequest.assign("bob\nadmin"), "ana", T0))
                .hasMessageContaining("control");
    }

    @Test
    void credentialsInCommentsAndReasonsAreReplacedByRedactedPreviews() {
        TriageState s = rules.apply(TriageState.untouched("a1"),
                TriageRequest.comment("dev pasted " + PASTED_KEY + " into the prompt"), "ana", T0);
        String text = s.comments().get(0).text();
        assertThat(text).doesNotContain(PASTED_KEY).startsWith("dev pasted AKIA").endsWith(" into the prompt")
                .contains("****");
        s = rules.apply(s, TriageRequest.suppress(T0.plusSeconds(60), "rotated " + PASTED_KEY), "ana", T0);
        assertThat(s.suppressReason()).doesNotContain(PASTED_KEY).startsWith("rotated AKIA");
        assertThat(s.history().get(1).detail()).doesNotContain(PASTED_KEY);
    }

    @Test
    void commentsAndHistoryAreBounded() {
        TriageState s = TriageState.untouched("a1");
        for (int i = 0; i < TriageState.MAX_ENTRIES + 20; i++) {
            s = rules.apply(s, TriageRequest.comment("note " + i), "ana", T0.plusSeconds(i));
        }
        assertThat(s.comments()).hasSize(TriageState.MAX_ENTRIES);
        assertThat(s.comments().get(0).text()).isEqualTo("note 20");
        assertThat(s.history()).hasSize(TriageState.MAX_ENTRIES);
        assertThat(s.version()).isEqualTo(TriageState.MAX_ENTRIES + 20);
    }
}
