package io.agentdlp.launcher.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a time bound of {@code events export}: an ISO-8601 instant ({@code 2026-11-23T10:00:00Z}),
 * a date ({@code 2026-11-23}, midnight UTC), or an age relative to now ({@code 90m}, {@code 6h},
 * {@code 2d}: that long ago).
 */
public final class TimeBound {
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*(s|m|h|d|w)");

    private TimeBound() {
    }

    public static Instant parse(String text, Instant now) {
        String s = text.trim();
        Matcher m = AGE.matcher(s.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: use 2026-11-23T10:00:00Z, 2026-11-23 or an age "
                    + "such as 90m, 6h, 2d");
        }
    }
}
