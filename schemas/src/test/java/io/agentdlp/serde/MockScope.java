package io.agentdlp.serde;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.agentdlp.registry.client.InMemorySchemaRegistryClient;
import io.agentdlp.registry.client.MockSchemaRegistry;

/** A fresh mock:// registry scope per test. */
final class MockScope implements AutoCloseable {
    final String name = "test-" + UUID.randomUUID();

    String url() {
        return MockSchemaRegistry.MOCK_URL_PREFIX + name;
    }

    InMemorySchemaRegistryClient registry() {
        return MockSchemaRegistry.scope(name);
    }

    /** {@code schema.registry.url} of this scope plus {@code extra} key/value pairs. */
    Map<String, Object> config(Object... extra) {
        Map<String, Object> c = new HashMap<>();
        c.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, url());
        for (int i = 0; i < extra.length; i += 2) {
            c.put((String) extra[i], extra[i + 1]);
        }
        return c;
    }

    @Override
    public void close() {
        MockSchemaRegistry.drop(name);
    }
}
