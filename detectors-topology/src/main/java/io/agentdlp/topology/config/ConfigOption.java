package io.agentdlp.topology.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One documented configuration option of the topology: its properties-file key, the environment
 * variable that overrides it, its default and what it does.
 *
 * @param key          properties key, e.g. {@code dedup.ttl}
 * @param defaultValue default as text (empty when there is none)
 * @param description  one sentence for the option table in docs/topology.md
 */
public record ConfigOption(String key, String defaultValue, String description) {
    public ConfigOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }

    /** Environment variable overriding the option: {@code AGENTDLP_} + key upper-cased, dots and dashes as underscores. */
    public String envName() {
        return envName(key);
    }

    static String envName(String key) {
        return "AGENTDLP_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
