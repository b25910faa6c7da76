package io.agentdlp.registry.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Named in-JVM registries behind {@code schema.registry.url=mock://<scope>}, the equivalent of
 * Confluent's {@code MockSchemaRegistry}: every serde configured with the same scope shares one
 * {@link InMemorySchemaRegistryClient}, so a serializer and a deserializer created separately (for
 * example by a TopologyTestDriver) agree on ids. Tests drop their scope when done.
 */
public final class MockSchemaRegistry {
    /** URL scheme prefix that selects an in-JVM scope. */
    public static final String MOCK_URL_PREFIX = "mock://";

    private static final ConcurrentMap<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    /** The registry of {@code scope}, created on first use. */
    public static InMemorySchemaRegistryClient scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
    }

    /** Forgets {@code scope}; the next use starts empty. */
    public static void drop(String scope) {
        SCOPES.remove(scope);
    }

    /** True for {@code mock://...} URLs. */
    public static boolean isMockUrl(String url) {
        return url != null && url.trim().regionMatches(true, 0, MOCK_URL_PREFIX, 0, MOCK_URL_PREFIX.length());
    }

    /** The scope name of a {@code mock://<scope>} URL. */
    public static String scopeOf(String mockUrl) {
        String trimmed = mockUrl.trim();
        return trimmed.substring(MOCK_URL_PREFIX.length());
    }
}
