package io.agentdlp.detection.secret;

/**
 * A rule file that cannot be used: unreadable, malformed, or holding a rule with a missing field, an
 * invalid pattern or an unknown validator. The message names the file, the rule and the line.
 */
public final class RuleFileException extends RuntimeException {
    private final String file;
    private final String ruleId;
    private final int line;

    public RuleFileException(String file, String ruleId, int line, String problem, Throwable cause) {
        super(file + ":" + line + ": " + (ruleId == null ? "" : "rule '" + ruleId + "': ") + problem, cause);
        this.file = file;
        this.ruleId = ruleId;
        this.line = line;
    }

    public RuleFileException(String file, String ruleId, int line, String problem) {
        this(file, ruleId, line, problem, null);
    }

    public String file() {
        return file;
    }

    /** Id of the offending rule, or null when the problem is not inside a rule. */
    public String ruleId() {
        return ruleId;
    }

    /** 1-based line in the file (of the rule's start for rule-level problems); 0 if unknown. */
    public int line() {
        return line;
    }
}
