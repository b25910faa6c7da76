package io.agentdlp.ingest.sensor;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.agentdlp.detection.Severity;

/**
 * The enforcement mode per finding severity, e.g. {@code CRITICAL=enforce,HIGH=enforce,MEDIUM=warn,
 * LOW=monitor,INFO=monitor} (the default). Severities not listed fall back to monitor.
 */
public final class SeverityModes {
    private final Map<Severity, EnforcementMode> modes;

    private SeverityModes(Map<Severity, EnforcementMode> modes) {
        this.modes = new EnumMap<>(modes);
        for (Severity s : Severity.values()) {
            this.modes.putIfAbsent(s, EnforcementMode.MONITOR);
        }
    }

    public static SeverityModes defaults() {
        return parse("CRITICAL=enforce,HIGH=enforce,MEDIUM=warn,LOW=monitor,INFO=monitor");
    }

    /** Every severity in one mode (e.g. a monitor-only roll-out). */
    public static SeverityModes all(EnforcementMode mode) {
        Map<Severity, EnforcementMode> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, mode);
        }
        return new SeverityModes(m);
    }

    /** Parses {@code SEVERITY=mode} pairs separated by commas. */
    public static SeverityModes parse(String spec) {
        Map<Severity, EnforcementMode> m = new EnumMap<>(Severity.class);
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("mode entry '" + pair.trim() + "': expected SEVERITY=mode, e.g. HIGH=enforce");
            }
            m.put(Severity.parse(kv[0]), EnforcementMode.parse(kv[1]));
        }
        return new SeverityModes(m);
    }

    public EnforcementMode modeFor(Severity s) {
        return modes.get(s);
    }

    @Override
    public String toString() {
        return modes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().id()).collect(Collectors.joining(","));
    }
}
