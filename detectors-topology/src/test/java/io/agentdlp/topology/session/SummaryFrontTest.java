package io.agentdlp.topology.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * What lets {@link SessionRecorder} keep the summaries it wrote in front of their store: a summary grown
 * from the object it wrote encodes to the same bytes as one grown from that object read back from the
 * store, even where the store's encoding replaced lone surrogates in its strings.
 */
class SummaryFrontTest {
    private static final List<String> SEVERITIES = List.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    private static final List<String> DETECTORS = List.of("secret", "pii", "policy", "sequence", "code");

    @Test
    void theWrittenSummaryAndItsStoredFormGrowToTheSameBytes() {
        Serde<SessionSummary> serde = SessionSummary.serde();
        Random r = new Random(20261125);
        for (int round = 0; round < 300; round++) {
            int maxRecent = 1 + r.nextInt(25);
            SessionSummary written = SessionSummary.start(text(r), text(r), text(r), r.nextBoolean() ? null : text(r),
                    r.nextBoolean() ? null : text(r));
            SessionSummary stored = written;
            for (int event = 0; event < 30; event++) {
                List<SessionSummary.RecentFinding> found = new ArrayList<>();
                long time = 1_000L * r.nextInt(20);
                for (int i = r.nextInt(6); i >= 0; i--) {
                    List<String> previews = new ArrayList<>();
                    for (int p = r.nextInt(3); p > 0; p--) {
                        previews.add(text(r));
                    }
                    found.add(new SessionSummary.RecentFinding(time + 1_000L * r.nextInt(3), text(r),
                            DETECTORS.get(r.nextInt(DETECTORS.size())), text(r), SEVERITIES.get(r.nextInt(SEVERITIES.size())),
                            text(r), previews));
                }
                written = written.withAll(found, maxRecent);
                byte[] bytes = serde.serializer().serialize("t", written);
                SessionSummary grownFromStored = stored.withAll(found, maxRecent);
                assertThat(serde.serializer().serialize("t", grownFromStored)).as("round %d event %d", round, event)
                        .isEqualTo(bytes);
                stored = serde.deserializer().deserialize("t", bytes);
            }
        }
    }

    /** Short text, often with a lone surrogate, which the store's UTF-8 encoding writes as '?'. */
    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            int k = r.nextInt(10);
            b.append(k == 0 ? (char) (0xD800 + r.nextInt(0x800)) : k == 1 ? '?' : k == 2 ? 'é' : (char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }
}
