package io.agentdlp.registry.server;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's compatibility levels. BACKWARD: the new schema reads data written with the old one;
 * FORWARD: the old schema reads data written with the new one; FULL: both. The transitive variants
 * check against every active version of the subject, the others against the latest only.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema must read data written with the old one. */
    public boolean backward() {
        return backward;
    }

    /** The old schema must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every active version instead of the latest only. */
    public boolean transitive() {
        return transitive;
    }

    /** Case-insensitive lookup, as Confluent accepts {@code "backward"} as well as {@code "BACKWARD"}. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
