package io.agentdlp.topology.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TimelineCodecTest {
    private static final TimelineEntry FULL = new TimelineEntry(41, "ev-1", 1772445602000L, "TOOL_CALL", "CLAUDE_HOOK",
            "Bash", "/home/dev/app/.env", List.of("paste.example.org", "api.anthropic.com"), 58, true, false, false,
            List.of(new TimelineEntry.PlacedAlert("a1", "sequence", "sensitive-read-then-egress", "HIGH", "read then sent",
                    List.of()), new TimelineEntry.PlacedAlert("a2", "secret", "aws-access-key", "CRITICAL", "AWS key ü",
                    List.of("AKIA****MPLE", "ghp_****"))));
    private static final TimelineEntry SPARSE = new TimelineEntry(0, "ev-0", 5L, "PROMPT", "OTEL", null, null, List.of(),
            0, false, true, null, List.of());

    @Test
    void entriesAndHeadsRoundTripInBinary() {
        var entries = TimelineEntry.serde();
        for (TimelineEntry e : List.of(FULL, SPARSE)) {
            byte[] b = entries.serializer().serialize("t", e);
            assertThat(b[0]).isNotEqualTo((byte) '{');
            assertThat(entries.deserializer().deserialize("t", b)).isEqualTo(e);
        }
        var heads = TimelineHead.serde();
        TimelineHead h = new TimelineHead(3, 503, 1772445600000L, 1772445609000L);
        byte[] b = heads.serializer().serialize("t", h);
        assertThat(b).hasSize(33);
        assertThat(heads.deserializer().deserialize("t", b)).isEqualTo(h);
        assertThat(heads.serializer().serialize("t", null)).isNull();
        assertThat(heads.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void valuesWrittenAsJsonByEarlierVersionsAreStillRead() {
        byte[] entryJson = JsonStoreSerde.of(TimelineEntry.class, "timeline entry").serializer().serialize("t", FULL);
        assertThat(TimelineEntry.serde().deserializer().deserialize("t", entryJson)).isEqualTo(FULL);
        TimelineHead h = new TimelineHead(0, 7, 1L, 9L);
        byte[] headJson = "{\"firstSeq\":0,\"nextSeq\":7,\"firstSeen\":1,\"lastSeen\":9}".getBytes(StandardCharsets.UTF_8);
        assertThat(TimelineHead.serde().deserializer().deserialize("t", headJson)).isEqualTo(h);
    }

    @Test
    void truncatedOrForeignBytesAreSerializationErrors() {
        byte[] b = TimelineEntry.serde().serializer().serialize("t", FULL);
        assertThatThrownBy(() -> TimelineEntry.serde().deserializer().deserialize("t", Arrays.copyOf(b, b.length / 2)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("timeline entry");
        assertThatThrownBy(() -> TimelineHead.serde().deserializer().deserialize("t", new byte[] {9, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("timeline head");
    }
}
