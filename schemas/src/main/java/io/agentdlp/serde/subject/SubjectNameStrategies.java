package io.agentdlp.serde.subject;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * Resolves the value of {@code key.subject.name.strategy} / {@code value.subject.name.strategy}:
 * a built-in simple name ({@code TopicNameStrategy}, {@code RecordNameStrategy},
 * {@code TopicRecordNameStrategy}), our fully qualified class name, Confluent's
 * ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}, ...) as an alias, or the
 * class name of a custom {@link SubjectNameStrategy}.
 */
public final class SubjectNameStrategies {
    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";
    private static final Map<String, SubjectNameStrategy> BUILT_IN = Map.of(
            "TopicNameStrategy", new TopicNameStrategy(),
            "RecordNameStrategy", new RecordNameStrategy(),
            "TopicRecordNameStrategy", new TopicRecordNameStrategy());

    private SubjectNameStrategies() {
    }

    /**
     * @param configKey  the key being resolved, for the error message
     * @param value      a name as described above, or a {@link Class}
     * @throws ConfigException when the name is unknown or the class is not a usable strategy
     */
    public static SubjectNameStrategy resolve(String configKey, Object value) {
        String name = value instanceof Class<?> c ? c.getName() : String.valueOf(value).trim();
        String simple = simpleBuiltInName(name);
        if (simple != null) {
            return BUILT_IN.get(simple);
        }
        Class<?> c;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            c = Class.forName(name, true, loader != null ? loader : SubjectNameStrategies.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(configKey, name, "unknown subject name strategy; use TopicNameStrategy, RecordNameStrategy,"
                    + " TopicRecordNameStrategy or the class name of a " + SubjectNameStrategy.class.getName());
        }
        if (!SubjectNameStrategy.class.isAssignableFrom(c)) {
            throw new ConfigException(configKey, name, "class does not implement " + SubjectNameStrategy.class.getName());
        }
        try {
            return (SubjectNameStrategy) c.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new ConfigException(configKey, name, "constructor failed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(configKey, name, "needs a public no-argument constructor: " + e);
        }
    }

    private static String simpleBuiltInName(String name) {
        if (BUILT_IN.containsKey(name)) {
            return name;
        }
        for (String prefix : new String[] {CONFLUENT_PACKAGE, SubjectNameStrategies.class.getPackageName() + "."}) {
            if (name.startsWith(prefix) && BUILT_IN.containsKey(name.substring(prefix.length()))) {
                return name.substring(prefix.length());
            }
        }
        return null;
    }
}
