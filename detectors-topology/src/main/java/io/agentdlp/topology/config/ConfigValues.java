package io.agentdlp.topology.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the value forms used in the options table: durations, byte sizes, lists, booleans. */
public final class ConfigValues {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib|k|m|g)?");

    private ConfigValues() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, ISO-8601 {@code PT5M}, or plain milliseconds. */
    public static Duration duration(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("pt") || v.startsWith("p")) {
            try {
                return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(key, value, "a duration such as 500ms, 30s, 5m, 2h, 7d or PT5M", e);
            }
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw invalid(key, value, "a duration such as 500ms, 30s, 5m, 2h, 7d or PT5M", null);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** {@code 64MiB}, {@code 512KB}, {@code 1g}, or plain bytes; K/M/G are binary (1024) multiples. */
    public static long bytes(String key, String value) {
        Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(key, value, "a size such as 1048576, 512KiB, 64MiB or 1GiB", null);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long mult = switch (unit) {
            case "b" -> 1L;
            case "k", "kb", "kib" -> 1024L;
            case "m", "mb", "mib" -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        return Math.multiplyExact(n, mult);
    }

    public static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "an integer", e);
        }
    }

    public static double decimal(String key, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a number", e);
        }
    }

    public static boolean bool(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(key, value, "true or false", null);
        };
    }

    /** Comma-separated list; blanks dropped, items trimmed. */
    public static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return List.copyOf(out);
    }

    private static ConfigException invalid(String key, String value, String expected, Throwable cause) {
        return new ConfigException("option " + key + "='" + value + "' is not " + expected, cause);
    }
}
