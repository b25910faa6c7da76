package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Strings read in place decode as the copied bytes did, malformed UTF-8 included. */
class StateBytesTest {
    @Test
    void stringsReadAsTheirCopiedBytesDecode() {
        Random rnd = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            byte[] raw = new byte[rnd.nextInt(40)];
            for (int j = 0; j < raw.length; j++) {
                // ASCII, continuation and lead bytes of every length, and bytes UTF-8 never uses.
                raw[j] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : 0x20 + rnd.nextInt(0x5F));
            }
            ByteBuffer b = ByteBuffer.allocate(1 + 4 + raw.length + 4 + 8);
            b.put((byte) 1).putInt(raw.length).put(raw).putInt(-1).putLong(i);
            StateBytes.Reader r = new StateBytes.Reader(b.array(), "test value", 1);
            assertThat(r.getString()).isEqualTo(new String(Arrays.copyOf(raw, raw.length), StandardCharsets.UTF_8));
            assertThat(r.getString()).isNull();
            assertThat(r.getLong()).isEqualTo(i);
        }
    }

    @Test
    void writtenStringsReadBack() {
        String s = "naïve 東京 \uD83D\uDE00 end";
        byte[] b = new StateBytes.Writer(4, 1).putString(s).putString(null).putString("").putStrings(java.util.List.of("a", "b"))
                .toByteArray();
        StateBytes.Reader r = new StateBytes.Reader(b, "test value", 1);
        assertThat(r.getString()).isEqualTo(s);
        assertThat(r.getString()).isNull();
        assertThat(r.getString()).isEmpty();
        assertThat(r.getStrings()).containsExactly("a", "b");
    }

    @Test
    void aLengthPastTheEndIsASerializationError() {
        byte[] b = ByteBuffer.allocate(9).put((byte) 1).putInt(10).put(new byte[] {'a', 'b', 'c', 'd'}).array();
        assertThatThrownBy(() -> new StateBytes.Reader(b, "test value", 1).getString())
                .isInstanceOf(SerializationException.class)
                .hasMessage("cannot read test value: length 10 exceeds the 4 bytes left");
        byte[] negative = ByteBuffer.allocate(5).put((byte) 1).putInt(-2).array();
        assertThatThrownBy(() -> new StateBytes.Reader(negative, "test value", 1).getString())
                .isInstanceOf(SerializationException.class)
                .hasMessage("cannot read test value: length -2 exceeds the 0 bytes left");
    }
}
