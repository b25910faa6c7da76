package io.agentdlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Checks that secret values a test planted in agent traffic never come out anywhere else. */
final class PlantedSecrets {
    private final List<String> values;

    PlantedSecrets(List<String> values) {
        this.values = List.copyOf(values);
    }

    void assertAbsentFromRecords(String where, List<ConsumerRecord<byte[], byte[]>> records) {
        assertThat(records).as(where + " records").isNotEmpty();
        assertAbsentFromAny(where, records);
    }

    /** As {@link #assertAbsentFromRecords} for a topic that may be empty. */
    void assertAbsentFromAny(String where, List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
            StringBuilder text = new StringBuilder();
            text.append(utf8(r.key())).append('\n').append(utf8(r.value()));
            for (Header h : r.headers()) {
                text.append('\n').append(h.key()).append('=').append(utf8(h.value()));
            }
            assertAbsent(where + " offset " + r.partition() + "/" + r.offset(), text.toString());
        }
    }

    void assertAbsent(String where, String text) {
        for (String v : values) {
            // the message names the place, never the value
            assertThat(text.contains(v)).as("a planted secret appears in " + where).isFalse();
        }
    }

    private static String utf8(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }
}
