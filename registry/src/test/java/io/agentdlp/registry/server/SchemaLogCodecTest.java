package io.agentdlp.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaLogCodecTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keysHaveConfluentsFieldsInConfluentsOrder() {
        assertThat(text(SchemaLogCodec.schemaKey("s", 3))).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":3,\"magic\":1}");
        assertThat(text(SchemaLogCodec.configKey("s"))).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}");
        assertThat(text(SchemaLogCodec.configKey(null))).isEqualTo("{\"keytype\":\"CONFIG\",\"magic\":0}");
        assertThat(text(SchemaLogCodec.deleteSubjectKey("s"))).isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}");
        assertThat(text(SchemaLogCodec.noopKey())).isEqualTo("{\"keytype\":\"NOOP\",\"magic\":0}");
    }

    @Test
    void schemaValuesRoundTrip() {
        SchemaRecord plain = new SchemaRecord("s", 2, 7, new SchemaContent(null, "\"string\"", List.of()), false);
        assertThat(text(SchemaLogCodec.schemaValue(plain)))
                .isEqualTo("{\"subject\":\"s\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
        SchemaRecord withRefs = new SchemaRecord("p", 1, 9,
                new SchemaContent("AVRO", "{\"type\":\"record\"}", List.of(new SchemaReference("a.B", "b", 4))), true);
        assertThat(text(SchemaLogCodec.schemaValue(withRefs))).isEqualTo("{\"subject\":\"p\",\"version\":1,\"id\":9,"
                + "\"references\":[{\"name\":\"a.B\",\"subject\":\"b\",\"version\":4}],\"schema\":\"{\\\"type\\\":\\\"record\\\"}\",\"deleted\":true}");
        for (SchemaRecord r : List.of(plain, withRefs)) {
            LogEntry decoded = SchemaLogCodec.decode(SchemaLogCodec.schemaKey(r.subject(), r.version()), SchemaLogCodec.schemaValue(r))
                    .orElseThrow();
            assertThat(decoded).isEqualTo(new LogEntry.Schema(r.subject(), r.version(), r));
        }
    }

    @Test
    void decodesEveryKeyTypeAndTombstones() {
        assertThat(SchemaLogCodec.decode(SchemaLogCodec.schemaKey("s", 1), null)).contains(new LogEntry.Schema("s", 1, null));
        assertThat(SchemaLogCodec.decode(SchemaLogCodec.configKey("s"), SchemaLogCodec.configValue(CompatibilityLevel.FULL)))
                .contains(new LogEntry.Config("s", CompatibilityLevel.FULL));
        assertThat(SchemaLogCodec.decode(bytes("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}"),
                bytes("{\"compatibilityLevel\":\"NONE\",\"normalize\":true}"))).contains(new LogEntry.Config(null, CompatibilityLevel.NONE));
        assertThat(SchemaLogCodec.decode(SchemaLogCodec.configKey(null), null)).contains(new LogEntry.Config(null, null));
        assertThat(SchemaLogCodec.decode(SchemaLogCodec.deleteSubjectKey("s"), SchemaLogCodec.deleteSubjectValue("s", 4)))
                .contains(new LogEntry.DeleteSubject("s", 4));
        assertThat(SchemaLogCodec.decode(SchemaLogCodec.noopKey(), null)).contains(new LogEntry.Noop(null));
        assertThat(SchemaLogCodec.decode(SchemaLogCodec.noopKey(), SchemaLogCodec.idWatermarkValue(12))).contains(new LogEntry.Noop(12));
        assertThat(SchemaLogCodec.decode(bytes("{\"keytype\":\"MODE\",\"magic\":0}"), bytes("{\"mode\":\"READONLY\"}"))).isEmpty();
    }

    @Test
    void malformedRecordsAreReportedWithoutTheirContent() {
        assertThatThrownBy(() -> SchemaLogCodec.decode(bytes("secret-ish"), null))
                .isInstanceOf(SchemaLogCodec.MalformedLogRecordException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> SchemaLogCodec.decode(bytes("[1]"), null))
                .isInstanceOf(SchemaLogCodec.MalformedLogRecordException.class);
        assertThatThrownBy(() -> SchemaLogCodec.decode(SchemaLogCodec.schemaKey("s", 1), bytes("{\"subject\":\"s\",\"version\":1,\"schema\":\"x\"}")))
                .isInstanceOf(SchemaLogCodec.MalformedLogRecordException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> SchemaLogCodec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\"}"), null))
                .isInstanceOf(SchemaLogCodec.MalformedLogRecordException.class).hasMessageContaining("version");
    }
}
