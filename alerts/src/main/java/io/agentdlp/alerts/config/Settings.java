package io.agentdlp.alerts.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flat {@code key=value} configuration with typed getters whose errors name the key. Values may
 * reference {@code ${env:NAME}} or {@code ${file:/path}} (file content, trimmed) so credentials stay
 * out of configuration files. Sources, lowest precedence first: properties file, environment
 * ({@code AGENTDLP_ALERTS_HTTP_PORT} overrides {@code alerts.http.port}: upper case, dots and dashes
 * as underscores, for every key the file or the defaults know), explicit overrides.
 */
public final class Settings {
    private static final Pattern REF = Pattern.compile("\\$\\{(env|file):([^}]+)}");
    private final Map<String, String> values;

    public Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Loads {@code file} (may be null), applies environment overrides for known keys and then
     * {@code overrides}.
     */
    public static Settings load(Path file, Map<String, String> env, Map<String, String> overrides,
                                List<String> knownKeys) {
        Map<String, String> m = new HashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        }
        List<String> keys = new ArrayList<>(knownKeys);
        keys.addAll(m.keySet());
        for (String k : keys) {
            String v = env.get(envName(k));
            if (v != null) {
                m.put(k, v);
            }
        }
        m.putAll(overrides);
        return new Settings(m);
    }

    /** The raw values (references unresolved). */
    public Map<String, String> raw() {
        return values;
    }

    /**
     * Settings from environment variables {@code <envPrefix><REST>}, as {@code <keyPrefix><rest>} with
     * underscores turned into dots (e.g. {@code AGENTDLP_KAFKA_SASL_JAAS_CONFIG} →
     * {@code kafka.sasl.jaas.config}); for pass-through client properties, whose names use dots only.
     */
    public static Map<String, String> fromEnvPrefix(Map<String, String> env, String envPrefix, String keyPrefix) {
        Map<String, String> m = new HashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith(envPrefix) && k.length() > envPrefix.length()) {
                m.put(keyPrefix + k.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        return m;
    }

    /** Environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return "AGENTDLP_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Raw value with references resolved, if set and not blank. */
    public Optional<String> get(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(resolve(key, v.trim()));
    }

    public String string(String key, String def) {
        return get(key).orElse(def);
    }

    public String required(String key) {
        return get(key).orElseThrow(() -> new ConfigException("missing required setting " + key));
    }

    public int integer(String key, int def) {
        return get(key).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(key + " must be an integer, got '" + v + "'", e);
            }
        }).orElse(def);
    }

    public long longValue(String key, long def) {
        return get(key).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(key + " must be an integer, got '" + v + "'", e);
            }
        }).orElse(def);
    }

    public boolean bool(String key, boolean def) {
        return get(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(key + " must be true or false, got '" + v + "'");
        }).orElse(def);
    }

    /** Durations as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} or ISO-8601 ({@code PT30S}). */
    public Duration duration(String key, Duration def) {
        return get(key).map(v -> parseDuration(key, v)).orElse(def);
    }

    /** Comma-separated list, entries trimmed, blanks dropped. */
    public List<String> list(String key) {
        return get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** All keys under {@code prefix} (without it), values resolved. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> m = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && v != null && !v.isBlank()) {
                m.put(k.substring(prefix.length()), resolve(k, v.trim()));
            }
        });
        return m;
    }

    /** Settings under {@code prefix}, keys relative to it. */
    public Settings scoped(String prefix) {
        Map<String, String> m = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return new Settings(m);
    }

    static Duration parseDuration(String key, String v) {
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                return Duration.parse(v);
            }
            Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(v.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (RuntimeException e) {
            throw new ConfigException(key + " is not a duration: '" + v + "'", e);
        }
        throw new ConfigException(key + " is not a duration (use 500ms, 30s, 5m, 2h, 7d): '" + v + "'");
    }

    private String resolve(String key, String v) {
        Matcher m = REF.matcher(v);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ref = m.group(2).trim();
            String replacement;
            if (m.group(1).equals("env")) {
                replacement = System.getenv(ref);
                if (replacement == null) {
                    throw new ConfigException(key + " references environment variable " + ref + ", which is not set");
                }
            } else {
                try {
                    replacement = Files.readString(Path.of(ref), StandardCharsets.UTF_8).trim();
                } catch (IOException e) {
                    throw new ConfigException(key + " references file " + ref + ", which cannot be read", e);
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
