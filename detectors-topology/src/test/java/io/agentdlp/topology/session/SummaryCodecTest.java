package io.agentdlp.topology.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SummaryCodecTest {
    private static final SessionSummary FULL = SessionSummary.start("dev-1:s-1", "s-1", "dev-1", "u-1", "claude-code")
            .with(new SessionSummary.RecentFinding(1772445602000L, "a1", "secret", "aws-access-key", "CRITICAL",
                    "AWS key ü", List.of("AKIA****MPLE", "ghp_****")), 20)
            .with(new SessionSummary.RecentFinding(1772445601000L, "a2", "sequence", "sensitive-read-then-egress", "HIGH",
                    "read then sent", List.of()), 20)
            .with(new SessionSummary.RecentFinding(1772445603000L, "a3", "pii", "pii.email", "LOW", "e-mail", null), 20);
    private static final SessionSummary SPARSE = SessionSummary.start("dev-2:s-2", "s-2", "dev-2", null, null);

    @Test
    void summariesRoundTripInBinary() {
        var serde = SessionSummary.serde();
        for (SessionSummary s : List.of(FULL, SPARSE)) {
            byte[] b = serde.serializer().serialize("t", s);
            assertThat(b[0]).isNotEqualTo((byte) '{');
            SessionSummary back = serde.deserializer().deserialize("t", b);
            assertThat(back).isEqualTo(s);
            assertThat(back.toJson()).isEqualTo(s.toJson());
        }
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void summariesWrittenAsJsonByEarlierVersionsAreStillRead() {
        SessionSummary back = SessionSummary.serde().deserializer().deserialize("t", FULL.toJson());
        assertThat(back).isEqualTo(FULL);
        assertThat(back.with(new SessionSummary.RecentFinding(1772445604000L, "a4", "secret", "r", "HIGH", "t", List.of()), 20))
                .isEqualTo(FULL.with(new SessionSummary.RecentFinding(1772445604000L, "a4", "secret", "r", "HIGH", "t",
                        List.of()), 20));
    }

    @Test
    void truncatedBytesAreSerializationErrors() {
        byte[] b = SessionSummary.serde().serializer().serialize("t", FULL);
        assertThatThrownBy(() -> SessionSummary.serde().deserializer().deserialize("t", Arrays.copyOf(b, b.length / 2)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("session summary");
    }
}
