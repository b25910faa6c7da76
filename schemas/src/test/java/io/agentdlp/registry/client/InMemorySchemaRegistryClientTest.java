package io.agentdlp.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The in-memory registry behind mock:// URLs keeps a Confluent registry's semantics. */
class InMemorySchemaRegistryClientTest {
    private static Schema record(String name, String field) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"" + field
                + "\",\"type\":\"long\"}]}");
    }

    @Test
    void idsAreRegistryWideAndRegistrationIsIdempotent() {
        InMemorySchemaRegistryClient r = new InMemorySchemaRegistryClient();
        Schema v1 = record("A", "x");
        Schema v2 = record("A", "y");

        assertThat(r.register("a-value", v1)).isEqualTo(1);
        assertThat(r.register("a-value", v1)).isEqualTo(1);
        assertThat(r.register("a-value", v2)).isEqualTo(2);
        assertThat(r.register("other-value", v1)).isEqualTo(1);

        assertThat(r.versions("a-value")).containsExactly(1, 2);
        assertThat(r.versions("other-value")).containsExactly(1);
        assertThat(r.latest("a-value")).isEqualTo(new RegisteredSchema("a-value", 2, 2, v2));
        assertThat(r.version("a-value", 1)).isEqualTo(new RegisteredSchema("a-value", 1, 1, v1));
        assertThat(r.lookup("a-value", record("A", "y"))).isEqualTo(new RegisteredSchema("a-value", 2, 2, v2));
        assertThat(r.schemaById(2)).isEqualTo(v2);
        assertThat(r.subjects()).containsExactly("a-value", "other-value");
    }

    @Test
    void missesRaiseTheHttpClientsTypedExceptions() {
        InMemorySchemaRegistryClient r = new InMemorySchemaRegistryClient();
        r.register("a-value", record("A", "x"));

        assertThatThrownBy(() -> r.latest("nope")).isInstanceOf(SubjectNotFoundException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> r.version("a-value", 2)).isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> r.version("a-value", 0)).isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(42202));
        assertThatThrownBy(() -> r.lookup("a-value", record("A", "z"))).isInstanceOf(SchemaNotFoundException.class);
        assertThatThrownBy(() -> r.lookup("nope", record("A", "x"))).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> r.schemaById(99)).isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void mockScopesAreSharedByNameAndDroppable() {
        InMemorySchemaRegistryClient first = MockSchemaRegistry.scope("scope-test");
        first.register("s", record("A", "x"));

        assertThat(MockSchemaRegistry.scope("scope-test")).isSameAs(first);
        assertThat(MockSchemaRegistry.scope("scope-test-other").subjects()).isEmpty();
        assertThat(MockSchemaRegistry.isMockUrl("mock://scope-test")).isTrue();
        assertThat(MockSchemaRegistry.isMockUrl("http://localhost:8081")).isFalse();
        assertThat(MockSchemaRegistry.scopeOf("mock://scope-test")).isEqualTo("scope-test");

        MockSchemaRegistry.drop("scope-test");
        MockSchemaRegistry.drop("scope-test-other");
        assertThat(MockSchemaRegistry.scope("scope-test").subjects()).isEmpty();
        MockSchemaRegistry.drop("scope-test");
    }
}
