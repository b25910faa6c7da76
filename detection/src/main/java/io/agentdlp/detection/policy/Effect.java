package io.agentdlp.detection.policy;

/**
 * What a policy rule does to a matching action. On equally specific rules the stricter effect wins:
 * DENY over ASK over WARN over ALLOW.
 */
public enum Effect {
    ALLOW, WARN, ASK, DENY;

    /** Larger is stricter. */
    int strictness() {
        return ordinal();
    }
}
