package io.agentdlp.ingest.sensor;

import java.util.Locale;

/** What the sensor does about a finding of a given severity in a blockable action. */
public enum EnforcementMode {
    /** Allow silently; the finding travels with the event. */
    MONITOR,
    /** Allow, and tell the user why it is risky. */
    WARN,
    /** Deny the action with the reason. */
    ENFORCE;

    public static EnforcementMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + s + "' (expected monitor, warn or enforce)", e);
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
