package io.agentdlp.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schema of the last release (test resources {@code released/}) must be readable by the
 * current schema of the same name in {@code src/main/avro}: Avro BACKWARD compatibility, the rule
 * consumers rely on when they upgrade before producers.
 */
class SchemaEvolutionTest {
    private static final Path CURRENT = Path.of("src", "main", "avro");

    @TestFactory
    Stream<DynamicTest> currentSchemasCanReadTheReleasedOnes() {
        Map<String, Schema> released = parseTree(releasedDir());
        Map<String, Schema> current = parseTree(CURRENT);
        assertThat(released).containsKeys("io.agentdlp.avro.AgentEgressEvent", "io.agentdlp.avro.DlpAlert",
                "io.agentdlp.avro.CodeIndexRecord", "io.agentdlp.avro.Policy");
        return released.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Schema now = current.get(e.getKey());
            assertThat(now).as("released schema %s was removed or renamed", e.getKey()).isNotNull();
            assertThat(backwardProblems(now, e.getValue())).as("%s is not BACKWARD compatible with the released version", e.getKey())
                    .isEmpty();
        }));
    }

    @Test
    void theGeneratedClassesAreTheCurrentSchemas() {
        Map<String, Schema> current = parseTree(CURRENT);

        for (Schema generated : List.of(AgentEgressEvent.getClassSchema(), DlpAlert.getClassSchema(),
                CodeIndexRecord.getClassSchema(), Policy.getClassSchema())) {
            assertThat(SchemaNormalization.toParsingForm(current.get(generated.getFullName())))
                    .as("generated class of %s is stale", generated.getFullName())
                    .isEqualTo(SchemaNormalization.toParsingForm(generated));
        }
    }

    @Test
    void theCheckCatchesAFieldAddedWithoutDefault() {
        Schema released = parseTree(releasedDir()).get("io.agentdlp.avro.AgentEgressEvent");
        Schema changed = withField(released, new Schema.Field("tenant", Schema.create(Schema.Type.STRING), "no default"));

        assertThat(backwardProblems(changed, released)).singleElement().asString().contains("tenant");
    }

    @Test
    void theCheckCatchesAnIncompatibleTypeChange() {
        Schema released = parseTree(releasedDir()).get("io.agentdlp.avro.Finding");
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : released.getFields()) {
            Schema type = f.name().equals("keyed_hash") ? Schema.create(Schema.Type.LONG) : f.schema();
            fields.add(new Schema.Field(f, type));
        }
        Schema changed = Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false, fields);

        String location = "/fields/" + released.getField("keyed_hash").pos() + "/type";
        assertThat(backwardProblems(changed, released)).singleElement().asString().contains("TYPE_MISMATCH").contains(location);
    }

    @Test
    void theCheckAcceptsAFieldAddedWithDefault() {
        Schema released = parseTree(releasedDir()).get("io.agentdlp.avro.AgentEgressEvent");
        Schema changed = withField(released, new Schema.Field("tenant", Schema.createUnion(
                Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), "optional", Schema.Field.NULL_DEFAULT_VALUE));

        assertThat(backwardProblems(changed, released)).isEmpty();
    }

    /** Problems that keep {@code reader} from reading data written with {@code writer}; empty when compatible. */
    static List<String> backwardProblems(Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        List<String> problems = new ArrayList<>();
        for (Incompatibility i : result.getResult().getIncompatibilities()) {
            problems.add(i.getType() + " at " + i.getLocation() + ": " + i.getMessage());
        }
        return problems;
    }

    private static Schema withField(Schema record, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : record.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(extra);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static Path releasedDir() {
        try {
            return Path.of(SchemaEvolutionTest.class.getResource("/released").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses every .avsc of {@code dir} and {@code dir/common} (shared named types); keyed by full name. */
    private static Map<String, Schema> parseTree(Path dir) {
        SchemaParser parser = new SchemaParser();
        List<SchemaParser.ParseResult> results = new ArrayList<>();
        try {
            for (Path sub : List.of(dir.resolve("common"), dir)) {
                if (!Files.isDirectory(sub)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(sub)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
                        results.add(parser.parse(f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Schema> resolved = new LinkedHashMap<>();
        for (Schema s : parser.getParsedNamedSchemas()) {
            resolved.put(s.getFullName(), s);
        }
        Map<String, Schema> byName = new LinkedHashMap<>();
        for (SchemaParser.ParseResult r : results) {
            String name = r.mainSchema().getFullName();
            byName.put(name, resolved.get(name));
        }
        return byName;
    }
}
