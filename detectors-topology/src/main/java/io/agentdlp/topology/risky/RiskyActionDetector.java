package io.agentdlp.topology.risky;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.agentdlp.detection.shell.CommandAnalysis;
import io.agentdlp.detection.shell.NetworkCommands;

/** Runs the risky-action rules over one tool call. Thread-safe. */
public final class RiskyActionDetector {
    private final List<RiskyActionRule> rules;
    private final RequiredLiterals[] required;
    private final HostClassifier hosts;
    private final Set<String> knownRemotes;

    public RiskyActionDetector(RiskyActionRules rules, HostClassifier hosts, Set<String> knownRemotes) {
        this.rules = rules.rules();
        this.required = this.rules.stream().map(r -> RequiredLiterals.of(r.pattern())).toArray(RequiredLiterals[]::new);
        this.hosts = hosts;
        this.knownRemotes = Set.copyOf(knownRemotes);
    }

    /**
     * What the detector looks at.
     *
     * @param commandLine shell command line (null when not a shell call)
     * @param command     its analysis
     * @param toolInput   tool input JSON (may be null)
     * @param path        file path the tool writes (may be null)
     * @param repoRemote  the repository's remote (may be null)
     */
    public record Input(String commandLine, CommandAnalysis command, String toolInput, String path, String repoRemote) {
    }

    /** The rules that fire. */
    public List<RiskyActionRule> detect(Input in) {
        List<RiskyActionRule> out = new ArrayList<>(0);
        Lowered lowered = new Lowered(in);
        for (int i = 0; i < required.length; i++) {
            RiskyActionRule r = rules.get(i);
            if (mayMatch(r, required[i], lowered) && patternMatches(r, in) && conditionHolds(r, in)) {
                out.add(r);
            }
        }
        return out;
    }

    /** False when no text the rule looks at contains one of its required literals. */
    private static boolean mayMatch(RiskyActionRule r, RequiredLiterals req, Lowered in) {
        if (req == RequiredLiterals.NONE) {
            return true;
        }
        return switch (r.target()) {
            case COMMAND -> contains(req, in.commandLine());
            case TOOL_INPUT -> contains(req, in.toolInput());
            case PATH -> contains(req, in.path());
            case ANY -> contains(req, in.commandLine()) || contains(req, in.toolInput());
        };
    }

    private static boolean contains(RequiredLiterals req, String lowered) {
        return lowered != null && req.mayMatch(lowered);
    }

    /** The input's texts with ASCII letters lowered, each computed once per input when a rule asks. */
    private static final class Lowered {
        private final Input in;
        private String commandLine;
        private String toolInput;
        private String path;

        Lowered(Input in) {
            this.in = in;
        }

        String commandLine() {
            if (commandLine == null && in.commandLine() != null) {
                commandLine = RequiredLiterals.lowerAscii(in.commandLine());
            }
            return commandLine;
        }

        String toolInput() {
            if (toolInput == null && in.toolInput() != null) {
                toolInput = RequiredLiterals.lowerAscii(in.toolInput());
            }
            return toolInput;
        }

        String path() {
            if (path == null && in.path() != null) {
                path = RequiredLiterals.lowerAscii(in.path());
            }
            return path;
        }
    }

    /** Whether {@code example} fires {@code rule}, evaluated as the rule's target (rule self-tests). */
    public boolean fires(RiskyActionRule rule, String example) {
        Input asCommand = new Input(example, NetworkCommands.analyze(example), null, null, null);
        Input asTool = new Input(null, CommandAnalysis.NONE, example, example, null);
        return switch (rule.target()) {
            case COMMAND -> patternMatches(rule, asCommand) && conditionHolds(rule, asCommand);
            case TOOL_INPUT, PATH -> patternMatches(rule, asTool) && conditionHolds(rule, asTool);
            case ANY -> (patternMatches(rule, asCommand) && conditionHolds(rule, asCommand))
                    || (patternMatches(rule, asTool) && conditionHolds(rule, asTool));
        };
    }

    private static boolean patternMatches(RiskyActionRule r, Input in) {
        return switch (r.target()) {
            case COMMAND -> find(r, in.commandLine());
            case TOOL_INPUT -> find(r, in.toolInput());
            case PATH -> find(r, in.path());
            case ANY -> find(r, in.commandLine()) || find(r, in.toolInput());
        };
    }

    private static boolean find(RiskyActionRule r, String text) {
        return text != null && r.pattern().matcher(text).find();
    }

    private boolean conditionHolds(RiskyActionRule r, Input in) {
        return switch (r.condition()) {
            case NONE -> true;
            case EXTERNAL_HOST -> in.command().endpoints().stream().anyMatch(e -> hosts.isExternal(e.host()));
            case REMOTE_NOT_REPO -> pushesElsewhere(in);
        };
    }

    private boolean pushesElsewhere(Input in) {
        for (String remote : in.command().pushedRemotes()) {
            if (!knownRemotes.contains(remote)) {
                return true;
            }
        }
        List<String> urls = in.command().pushedUrls();
        if (urls.isEmpty()) {
            return false;
        }
        String own = GitRemote.normalize(in.repoRemote());
        for (String url : urls) {
            String target = GitRemote.normalize(url);
            if (target == null || !target.equals(own)) {
                return true;
            }
        }
        return false;
    }
}
