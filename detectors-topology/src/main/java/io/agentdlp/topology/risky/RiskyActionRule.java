package io.agentdlp.topology.risky;

import java.util.List;
import java.util.regex.Pattern;

import io.agentdlp.detection.Severity;

/**
 * One data-driven rule of the risky-action detector (see {@code risky-actions.json}).
 *
 * @param id          stable rule id, shown in alerts and metrics
 * @param description what the rule catches
 * @param severity    alert severity
 * @param target      what the pattern is matched against
 * @param pattern     case-insensitive pattern, matched with {@code find()}
 * @param condition   extra check on the parsed command
 * @param matches     examples that must fire
 * @param noMatches   examples that must not fire
 */
public record RiskyActionRule(String id, String description, Severity severity, Target target, Pattern pattern,
                              Condition condition, List<String> matches, List<String> noMatches) {

    /** What a rule's pattern looks at. */
    public enum Target {
        /** The shell command line of a shell tool call. */
        COMMAND,
        /** The input JSON of any tool call. */
        TOOL_INPUT,
        /** The path a tool writes. */
        PATH,
        /** Command line and tool input. */
        ANY
    }

    /** A structural check on top of the pattern. */
    public enum Condition {
        NONE,
        /** Some destination of the command is outside the internal hosts, loopback and private networks. */
        EXTERNAL_HOST,
        /** A git push targets a URL other than the repository's remote, or an unknown remote name. */
        REMOTE_NOT_REPO
    }

    public RiskyActionRule {
        matches = List.copyOf(matches);
        noMatches = List.copyOf(noMatches);
    }
}
