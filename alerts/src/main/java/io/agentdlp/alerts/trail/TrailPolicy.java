package io.agentdlp.alerts.trail;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.agentdlp.alerts.config.ConfigException;
import io.agentdlp.alerts.config.Settings;
import io.agentdlp.avro.EventKind;

/**
 * What the agent audit trail keeps and for how long ({@code alerts.trail.*}, see docs/audit.md).
 * Content is never part of the trail: only sizes, hashes, destinations, tool names and findings.
 *
 * @param kinds           event kinds recorded; every kind by default
 * @param paths           how file paths are written
 * @param urls            how destination URLs are written
 * @param findingPreviews whether findings carry their redacted preview (keyed hash, rule and severity always)
 * @param retention       how long the trail topic keeps records ({@code retention.ms}); session chain tips
 *                        idle for longer are forgotten, so such a session restarts its chain at seq 1
 */
public record TrailPolicy(Set<EventKind> kinds, PathMode paths, UrlMode urls, boolean findingPreviews,
                          Duration retention) {

    /** File path detail. */
    public enum PathMode {
        /** The full path. */
        FULL,
        /** Only the file name. */
        NAME,
        /** No path at all. */
        OMIT
    }

    /** Destination URL detail (query strings are removed by the sensors in every mode). */
    public enum UrlMode {
        /** Scheme, host, port and path. */
        FULL,
        /** Host and port only. */
        HOST
    }

    public TrailPolicy {
        kinds = kinds.isEmpty() ? EnumSet.allOf(EventKind.class) : EnumSet.copyOf(kinds);
        if (retention.isNegative() || retention.isZero()) {
            throw new ConfigException("alerts.trail.retention must be positive");
        }
    }

    /** Every kind, full paths and URLs, previews on, one year. */
    public static TrailPolicy defaults() {
        return new TrailPolicy(Set.of(), PathMode.FULL, UrlMode.FULL, true, Duration.ofDays(365));
    }

    /** Reads {@code alerts.trail.kinds}, {@code .paths}, {@code .urls}, {@code .finding-previews}, {@code .retention}. */
    public static TrailPolicy from(Settings s) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String k : s.list("alerts.trail.kinds")) {
            try {
                kinds.add(EventKind.valueOf(k.trim().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("alerts.trail.kinds: unknown event kind '" + k + "'", e);
            }
        }
        return new TrailPolicy(kinds, mode(PathMode.class, "alerts.trail.paths", s.string("alerts.trail.paths", "full")),
                mode(UrlMode.class, "alerts.trail.urls", s.string("alerts.trail.urls", "full")),
                s.bool("alerts.trail.finding-previews", true),
                s.duration("alerts.trail.retention", Duration.ofDays(365)));
    }

    /** True when events of this kind are recorded. */
    public boolean records(EventKind kind) {
        return kinds.contains(kind);
    }

    private static <E extends Enum<E>> E mode(Class<E> type, String key, String v) {
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": unknown value '" + v + "'", e);
        }
    }
}
