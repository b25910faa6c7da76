package io.agentdlp.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AvroSchemaParserTest {
    private static final String ADDRESS = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"a\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
    private static final String PERSON = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"p\",\"fields\":[{\"name\":\"home\",\"type\":\"a.Address\"}]}";

    private final AvroSchemaParser parser = new AvroSchemaParser();
    private final Map<String, SchemaRecord> stored = Map.of(
            "addr/1", new SchemaRecord("addr", 1, 1, new SchemaContent(null, ADDRESS, List.of()), false),
            "addr/2", new SchemaRecord("addr", 2, 2, new SchemaContent(null, ADDRESS.replace("city", "town"), List.of()), false));

    private SchemaRecord resolve(String subject, int version) {
        SchemaRecord r = stored.get(subject + "/" + (version == -1 ? 2 : version));
        if (r == null) {
            throw RegistryError.invalidSchema("missing " + subject);
        }
        return r;
    }

    private static RegistryError error(Runnable r) {
        try {
            r.run();
        } catch (RegistryError e) {
            return e;
        }
        throw new AssertionError("no RegistryError");
    }

    @Test
    void canonicalTextIgnoresFormatting() {
        ParsedSchema parsed = parser.parse(null, "{ \"type\" : \"record\", \"name\":\"R\",\n \"fields\" : [ ] }", List.of(), this::resolve);
        assertThat(parsed.content().schema()).isEqualTo("{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}");
        assertThat(parsed.content().schemaType()).isEqualTo("AVRO");
        assertThat(parser.parse("AVRO", "{\"type\":\"string\"}", List.of(), this::resolve).content().schema()).isEqualTo("\"string\"");
    }

    @Test
    void invalidInputIs42201() {
        for (String bad : new String[] {"nope", "{\"type\":\"record\",\"name\":\"R\"}", "{\"type\":\"unknown.Type\"}",
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"default\":\"text\"}]}"}) {
            assertThat(error(() -> parser.parse(null, bad, List.of(), this::resolve)).errorCode()).as(bad).isEqualTo(42201);
        }
        assertThat(error(() -> parser.parse(null, " ", List.of(), this::resolve)).getMessage()).isEqualTo("Empty schema");
        assertThat(error(() -> parser.parse("JSON", "{}", List.of(), this::resolve)).getMessage()).contains("JSON", "AVRO");
    }

    @Test
    void referencesAreParsedFirstAndNamedNotInlined() {
        ParsedSchema parsed = parser.parse(null, PERSON, List.of(new SchemaReference("a.Address", "addr", 1)), this::resolve);
        assertThat(parsed.content().schema()).isEqualTo(PERSON);
        assertThat(parsed.avro().getField("home").schema().getField("city")).isNotNull();
        assertThat(parser.parseStored(parsed.content(), this::resolve).getField("home").schema().getFullName()).isEqualTo("a.Address");
        assertThatThrownBy(() -> parser.parse(null, PERSON, List.of(), this::resolve)).isInstanceOf(RegistryError.class);
    }

    @Test
    void latestReferenceVersionIsStoredAsTheConcreteVersion() {
        ParsedSchema parsed = parser.parse(null, PERSON, List.of(new SchemaReference("a.Address", "addr", -1)), this::resolve);
        assertThat(parsed.content().references()).containsExactly(new SchemaReference("a.Address", "addr", 2));
        assertThat(parsed.avro().getField("home").schema().getField("town")).isNotNull();
    }
}
