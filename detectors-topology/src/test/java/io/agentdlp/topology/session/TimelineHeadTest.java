package io.agentdlp.topology.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class TimelineHeadTest {
    /** The entry key as stores written by earlier versions hold it. */
    private static String storedKey(String sessionKey, long seq) {
        String hex = Long.toHexString(seq);
        return sessionKey + '\0' + "0".repeat(16 - hex.length()) + hex;
    }

    @Test
    void entryKeysAreTheSessionKeyANulAndSixteenHexDigitsAsStored() {
        SplittableRandom random = new SplittableRandom(3);
        LongStream seqs = LongStream.concat(LongStream.of(0, 1, 9, 10, 15, 16, 255, 256, 1L << 32, Long.MAX_VALUE, -1, Long.MIN_VALUE),
                random.longs(2_000, 0, 1L << 40));
        seqs.forEach(seq -> {
            for (String session : new String[] {"dev-laptop-1:sess-1", "", "gerät-ü:séance"}) {
                assertThat(TimelineHead.entryKey(session, seq)).isEqualTo(storedKey(session, seq));
            }
        });
        assertThat(TimelineHead.entryKey("d:s", 0x2a)).isEqualTo("d:s\u0000000000000000002a");
    }
}
