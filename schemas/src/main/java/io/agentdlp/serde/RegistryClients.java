package io.agentdlp.serde;

import java.util.List;

import org.apache.kafka.common.config.ConfigException;

import io.agentdlp.registry.client.CachedSchemaRegistryClient;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.registry.client.RegistryClientConfig;
import io.agentdlp.registry.client.SchemaRegistryClient;

/** Creates the registry client a serde configuration asks for. */
public final class RegistryClients {
    private RegistryClients() {
    }

    /**
     * {@code mock://<scope>}: the shared in-JVM scope of {@link MockSchemaRegistry}; otherwise a
     * cached HTTP client for the comma-separated URLs.
     *
     * @throws ConfigException when no URL is set, or mock and real URLs are mixed
     */
    public static SchemaRegistryClient fromConfig(AvroSerdeConfig config) {
        List<String> urls = config.registryUrls();
        if (urls.isEmpty()) {
            throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, null,
                    "required (e.g. http://localhost:8081, or mock://<scope> in tests)");
        }
        long mocks = urls.stream().filter(MockSchemaRegistry::isMockUrl).count();
        if (mocks > 0) {
            if (urls.size() > 1) {
                throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + ": a mock:// URL must be the only URL");
            }
            return MockSchemaRegistry.scope(MockSchemaRegistry.scopeOf(urls.get(0)));
        }
        return CachedSchemaRegistryClient.http(RegistryClientConfig.fromProperties(config.originals()));
    }
}
