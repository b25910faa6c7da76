package io.agentdlp.serde;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import io.agentdlp.registry.client.RegistryClientConfig;
import io.agentdlp.serde.subject.SubjectNameStrategies;
import io.agentdlp.serde.subject.SubjectNameStrategy;

/**
 * Configuration of the Avro serializers and deserializers, with Confluent's key names so that a
 * configuration written for Confluent's {@code KafkaAvroSerializer} works unchanged. It includes
 * every registry client key of {@link RegistryClientConfig}. Unknown keys are ignored, so a whole
 * producer, consumer or Streams configuration can be passed. See {@code docs/serde.md}.
 */
public final class AvroSerdeConfig {
    public static final String SCHEMA_REGISTRY_URL_CONFIG = RegistryClientConfig.URL_CONFIG;
    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    public static final String USE_LATEST_VERSION_CONFIG = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT_CONFIG = "latest.compatibility.strict";
    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE_CONFIG = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE_CONFIG = "specific.avro.value.type";
    public static final String KEY_SUBJECT_NAME_STRATEGY_CONFIG = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY_CONFIG = "value.subject.name.strategy";
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG = "avro.use.logical.type.converters";
    public static final String AVRO_TRUSTED_CLASSES_CONFIG = "avro.trusted.classes";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG = RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG;
    public static final String BASIC_AUTH_USER_INFO_CONFIG = RegistryClientConfig.BASIC_AUTH_USER_INFO_CONFIG;

    /** Every key the serde reads: the registry client's plus the serde's own. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef(RegistryClientConfig.CONFIG_DEF)
            .define(AUTO_REGISTER_SCHEMAS_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema under its subject when serializing; false only looks it up.")
            .define(USE_LATEST_VERSION_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Serialize with the subject's latest registered schema; deserialize generic records into it.")
            .define(LATEST_COMPATIBILITY_STRICT_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                    "With use.latest.version, refuse a record whose schema the latest schema cannot read.")
            .define(SPECIFIC_AVRO_READER_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                    "KafkaAvroDeserializer returns generated SpecificRecord classes instead of GenericRecord.")
            .define(SPECIFIC_AVRO_KEY_TYPE_CONFIG, Type.CLASS, null, Importance.LOW,
                    "Generated class to read keys into; default: the class named by the writer schema.")
            .define(SPECIFIC_AVRO_VALUE_TYPE_CONFIG, Type.CLASS, null, Importance.LOW,
                    "Generated class to read values into; default: the class named by the writer schema.")
            .define(KEY_SUBJECT_NAME_STRATEGY_CONFIG, Type.STRING, "TopicNameStrategy", Importance.MEDIUM,
                    "Subject of keys: TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy (Confluent class names accepted).")
            .define(VALUE_SUBJECT_NAME_STRATEGY_CONFIG, Type.STRING, "TopicNameStrategy", Importance.MEDIUM,
                    "Subject of values: TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy (Confluent class names accepted).")
            .define(AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Generic records read logical types as Java types (Instant, BigDecimal, UUID, LocalDate) instead of raw values.")
            .define(AVRO_TRUSTED_CLASSES_CONFIG, Type.LIST, "", Importance.LOW,
                    "Extra generated classes Avro may instantiate: class names, or package prefixes ending in '.' (io.agentdlp.avro. is always trusted).");

    private final Map<String, Object> originals;
    private final AbstractConfig parsed;

    public AvroSerdeConfig(Map<String, ?> props) {
        Map<String, Object> copy = new HashMap<>();
        props.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        for (String key : List.of(KEY_SUBJECT_NAME_STRATEGY_CONFIG, VALUE_SUBJECT_NAME_STRATEGY_CONFIG)) {
            if (copy.get(key) instanceof Class<?> c) {
                copy.put(key, c.getName());
            }
        }
        this.originals = Map.copyOf(copy);
        this.parsed = new AbstractConfig(CONFIG_DEF, originals, false);
    }

    /** The configuration as given (nulls dropped), for the registry client. */
    public Map<String, Object> originals() {
        return originals;
    }

    /** The registry URLs as configured, or empty when none is set. */
    public List<String> registryUrls() {
        List<String> urls = parsed.getList(SCHEMA_REGISTRY_URL_CONFIG);
        return urls == null ? List.of() : urls;
    }

    public boolean autoRegisterSchemas() {
        return parsed.getBoolean(AUTO_REGISTER_SCHEMAS_CONFIG);
    }

    public boolean useLatestVersion() {
        return parsed.getBoolean(USE_LATEST_VERSION_CONFIG);
    }

    public boolean latestCompatibilityStrict() {
        return parsed.getBoolean(LATEST_COMPATIBILITY_STRICT_CONFIG);
    }

    public boolean specificAvroReader() {
        return parsed.getBoolean(SPECIFIC_AVRO_READER_CONFIG);
    }

    public boolean useLogicalTypeConverters() {
        return parsed.getBoolean(AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG);
    }

    public List<String> trustedClasses() {
        return parsed.getList(AVRO_TRUSTED_CLASSES_CONFIG);
    }

    /** The configured reader class for keys or values, if any. */
    public Optional<Class<?>> specificType(boolean isKey) {
        return Optional.ofNullable(parsed.getClass(isKey ? SPECIFIC_AVRO_KEY_TYPE_CONFIG : SPECIFIC_AVRO_VALUE_TYPE_CONFIG));
    }

    /**
     * The subject name strategy for keys or values.
     *
     * @throws ConfigException when the configured name is not a known strategy
     */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY_CONFIG : VALUE_SUBJECT_NAME_STRATEGY_CONFIG;
        return SubjectNameStrategies.resolve(key, parsed.getString(key));
    }
}
