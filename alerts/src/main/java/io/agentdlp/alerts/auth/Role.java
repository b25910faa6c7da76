package io.agentdlp.alerts.auth;

import java.util.Locale;

/**
 * Console roles, each including the ones before it: viewers read alerts and evidence, triagers also
 * acknowledge, resolve, suppress, assign and comment, admins also see sink health and the audit trail.
 */
public enum Role {
    VIEWER, TRIAGER, ADMIN;

    /** True when this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** Lower-case name as used in files, tokens and the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses viewer, triager or admin (case-insensitive). */
    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be viewer, triager or admin", e);
        }
    }
}
