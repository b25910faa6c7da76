package io.agentdlp.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegistryStateTest {
    private final RegistryState state = new RegistryState();

    private static SchemaContent content(String schema) {
        return new SchemaContent(null, schema, List.of());
    }

    private static LogEntry.Schema schema(String subject, int version, int id, String schema, boolean deleted) {
        return new LogEntry.Schema(subject, version, new SchemaRecord(subject, version, id, content(schema), deleted));
    }

    @Test
    void anIdBoundToOneSchemaCannotBeClaimedForAnother() {
        assertThat(state.apply(schema("a", 1, 1, "\"int\"", false))).isTrue();
        assertThat(state.apply(schema("b", 1, 1, "\"long\"", false))).isFalse();
        assertThat(state.apply(schema("c", 1, 1, "\"int\"", false))).isTrue();
        assertThat(state.versions("b", true)).isEmpty();
        assertThat(state.contentById(1)).contains(content("\"int\""));
        assertThat(state.recordsWithId(1, false)).extracting(SchemaRecord::subject).containsExactly("a", "c");
    }

    @Test
    void aTakenVersionKeepsTheFirstRecordAndOnlyTheDeletedFlagMayChange() {
        state.apply(schema("a", 1, 1, "\"int\"", false));
        assertThat(state.apply(schema("a", 1, 2, "\"long\"", false))).isFalse();
        assertThat(state.apply(schema("a", 1, 2, "\"int\"", false))).isFalse();
        assertThat(state.apply(schema("a", 1, 1, "\"int\"", false))).isTrue();
        assertThat(state.apply(schema("a", 1, 1, "\"int\"", true))).isTrue();
        assertThat(state.apply(schema("a", 1, 1, "\"int\"", false))).as("no un-delete").isFalse();
        assertThat(state.version("a", 1).orElseThrow().deleted()).isTrue();
        assertThat(state.subjects(false)).isEmpty();
        assertThat(state.subjects(true)).containsExactly("a");
    }

    @Test
    void theHighestIdOnlyGrowsThroughRejectionsTombstonesAndWatermarks() {
        state.apply(schema("a", 1, 5, "\"int\"", false));
        state.apply(schema("b", 1, 5, "\"long\"", false));
        assertThat(state.maxId()).isEqualTo(5);
        state.apply(schema("c", 1, 9, "\"long\"", false));
        state.apply(new LogEntry.Schema("c", 1, null));
        assertThat(state.maxId()).isEqualTo(9);
        assertThat(state.contentById(9)).isEmpty();
        assertThat(state.idFor(content("\"long\""))).isEmpty();
        state.apply(new LogEntry.Noop(20));
        state.apply(new LogEntry.Noop(null));
        assertThat(state.maxId()).isEqualTo(20);
    }

    @Test
    void contentKeepsItsLowestIdWhileAnyVersionHoldsIt() {
        state.apply(schema("a", 1, 3, "\"int\"", false));
        state.apply(schema("b", 1, 8, "\"int\"", false));
        assertThat(state.idFor(content("\"int\""))).hasValue(3);
        state.apply(new LogEntry.Schema("a", 1, null));
        assertThat(state.idFor(content("\"int\""))).hasValue(8);
        assertThat(state.contentById(3)).isEmpty();
    }

    @Test
    void deleteSubjectSoftDeletesVersionsUpToItsVersion() {
        state.apply(schema("a", 1, 1, "\"int\"", false));
        state.apply(schema("a", 2, 2, "\"long\"", false));
        state.apply(new LogEntry.DeleteSubject("a", 1));
        assertThat(state.versions("a", false)).extracting(SchemaRecord::version).containsExactly(2);
        assertThat(state.latest("a", true).orElseThrow().version()).isEqualTo(2);
        state.apply(new LogEntry.DeleteSubject("a", 2));
        assertThat(state.latest("a", false)).isEmpty();
        assertThat(state.maxVersion("a")).isEqualTo(2);
        state.apply(new LogEntry.DeleteSubject("a", null));
        assertThat(state.versions("a", true)).hasSize(2);
    }

    @Test
    void compatibilityLevelsAreSetAndCleared() {
        state.apply(new LogEntry.Config(null, CompatibilityLevel.FULL));
        state.apply(new LogEntry.Config("a", CompatibilityLevel.NONE));
        assertThat(state.globalLevel()).contains(CompatibilityLevel.FULL);
        assertThat(state.subjectLevel("a")).contains(CompatibilityLevel.NONE);
        state.apply(new LogEntry.Config("a", null));
        state.apply(new LogEntry.Config(null, null));
        assertThat(state.subjectLevel("a")).isEmpty();
        assertThat(state.globalLevel()).isEmpty();
    }

    @Test
    void referencedByListsActiveReferrers() {
        state.apply(schema("addr", 1, 1, "\"string\"", false));
        SchemaContent person = new SchemaContent(null, "{}", List.of(new SchemaReference("A", "addr", 1)));
        state.apply(new LogEntry.Schema("person", 1, new SchemaRecord("person", 1, 2, person, false)));
        assertThat(state.referencedBy("addr", 1)).containsExactly(2);
        state.apply(new LogEntry.Schema("person", 1, new SchemaRecord("person", 1, 2, person, true)));
        assertThat(state.referencedBy("addr", 1)).isEmpty();
    }
}
