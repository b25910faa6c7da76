package io.agentdlp.registry.server;

import io.agentdlp.kafka.embedded.EmbeddedKafka;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves an {@link EmbeddedKafka} parameter to one real in-JVM broker shared by every registry
 * integration test of the run (each test uses its own topics); JUnit closes it when the run ends.
 * Starting a broker costs several seconds. (JUnit closes {@link AutoCloseable} store values.)
 */
final class SharedKafka implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("agentdlp-registry-kafka", k -> new Resource(EmbeddedKafka.startTemporary()), Resource.class)
                .kafka();
    }

    private record Resource(EmbeddedKafka kafka) implements AutoCloseable {
        @Override
        public void close() {
            kafka.close();
        }
    }
}
