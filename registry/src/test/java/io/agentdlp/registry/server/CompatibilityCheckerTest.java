package io.agentdlp.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {
    private static final String A = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    private static final String A_C_DEFAULT = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"c\",\"type\":\"int\",\"default\":0}]}";
    private static final String C = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"c\",\"type\":\"int\"}]}";

    private static Schema parse(String s) {
        return new Schema.Parser().parse(s);
    }

    private static CompatibilityChecker.Previous previous(int version, String s) {
        return new CompatibilityChecker.Previous(version, parse(s), s);
    }

    @Test
    void noneAndNoPreviousVersionsAreAlwaysCompatible() {
        assertThat(CompatibilityChecker.check(parse("\"string\""), List.of(previous(1, A)), CompatibilityLevel.NONE)).isEmpty();
        assertThat(CompatibilityChecker.check(parse("\"string\""), List.of(), CompatibilityLevel.FULL_TRANSITIVE)).isEmpty();
    }

    @Test
    void backwardMeansTheNewSchemaReadsOldData() {
        assertThat(CompatibilityChecker.check(parse(A_C_DEFAULT), List.of(previous(1, A)), CompatibilityLevel.BACKWARD)).isEmpty();
        List<String> problems = CompatibilityChecker.check(parse(C), List.of(previous(1, A)), CompatibilityLevel.BACKWARD);
        assertThat(problems).containsExactly(
                "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'c' at path '/fields/0' in the new "
                        + "schema has no default value and is missing in the old schema', additionalInfo:'c'}",
                "{oldSchemaVersion: 1}", "{oldSchema: '" + A + "'}", "{compatibility: 'BACKWARD'}");
    }

    @Test
    void forwardMeansOldSchemasReadNewData() {
        assertThat(CompatibilityChecker.check(parse(A_C_DEFAULT), List.of(previous(1, A)), CompatibilityLevel.FORWARD)).isEmpty();
        assertThat(CompatibilityChecker.check(parse(C), List.of(previous(1, A)), CompatibilityLevel.FORWARD))
                .first().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE", "in the old schema", "'a'");
    }

    @Test
    void transitiveLevelsCheckOlderVersionsToo() {
        List<CompatibilityChecker.Previous> history = List.of(previous(2, A_C_DEFAULT), previous(1, A));
        assertThat(CompatibilityChecker.check(parse(C), history, CompatibilityLevel.BACKWARD)).isEmpty();
        assertThat(CompatibilityChecker.check(parse(C), history, CompatibilityLevel.BACKWARD_TRANSITIVE))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD_TRANSITIVE'}");
        assertThat(CompatibilityChecker.check(parse(C), history, CompatibilityLevel.FULL)).isNotEmpty();
    }

    @Test
    void typeChangesAreReported() {
        String asString = A.replace("\"int\"", "\"string\"");
        assertThat(CompatibilityChecker.check(parse(asString), List.of(previous(3, A)), CompatibilityLevel.FULL_TRANSITIVE))
                .first().asString().startsWith("{errorType:'TYPE_MISMATCH'").contains("/fields/0/type");
    }
}
