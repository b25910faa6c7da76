package io.agentdlp.topology.risky;

/** A risky-action rule file is unreadable or a rule in it is invalid; the message names the file and rule. */
public class RiskyRuleException extends RuntimeException {
    public RiskyRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
