package io.agentdlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.RuleFileException;
import io.agentdlp.detection.secret.SecretRule;
import io.agentdlp.tuning.rules.ExampleOutcome;
import io.agentdlp.tuning.rules.LintIssue;
import io.agentdlp.tuning.rules.RuleExampleRunner;
import io.agentdlp.tuning.rules.RuleLinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agentdlp rules}: test and lint secret rules before they ship. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Secret rule tools: run the examples embedded in rules, lint the catalogue.",
                "Without FILE they work on the built-in catalogue; with FILE on the rules of FILE, judged together with "
                        + "the built-in rules (as the scanner will run them). See docs/tuning.md."},
        subcommands = {RulesCommand.Test.class, RulesCommand.Lint.class})
final class RulesCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Output formats. */
    enum Format { text, jsonl }

    /** The catalogue to judge with and the rules in scope. */
    record Selection(RuleCatalog catalog, List<SecretRule> scope) {
        static Selection of(Path file) throws IOException {
            if (file == null) {
                return new Selection(RuleCatalog.builtIn(), RuleCatalog.builtIn().rules());
            }
            if (!Files.isRegularFile(file)) {
                throw new IOException("no such file: " + file);
            }
            RuleCatalog catalog = RuleCatalog.load(file);
            // rules record where they were defined: "<file>:<line>"
            String origin = file + ":";
            List<SecretRule> scope = catalog.rules().stream().filter(r -> r.source().startsWith(origin)).toList();
            return new Selection(catalog, scope);
        }
    }

    /** {@code agentdlp rules test [FILE]}. */
    @Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run every rule's embedded examples through the scanner: each true positive (tp) must be "
                    + "reported by its rule, each false positive (fp) must not.",
                    "Exit code 0 = all pass, 1 = failures, 2 = the rules cannot be loaded."})
    static final class Test implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Rule file (YAML or JSON); default: the built-in catalogue.")
        Path file;

        @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = {"-v", "--verbose"}, description = "Also list passing examples.")
        boolean verbose;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Selection sel;
            try {
                sel = Selection.of(file);
            } catch (RuleFileException | IOException e) {
                err.println("agentdlp rules test: " + e.getMessage());
                return 2;
            }
            List<ExampleOutcome> outcomes = new RuleExampleRunner(sel.catalog()).run(sel.scope());
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            for (ExampleOutcome o : outcomes) {
                if (o.passed() && !verbose) {
                    continue;
                }
                if (format == Format.jsonl) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("rule", o.ruleId());
                    m.put("example", o.name());
                    m.put("passed", o.passed());
                    m.put("found", o.found());
                    m.put("source", o.source());
                    m.put("preview", o.preview());
                    out.println(JSON.writeValueAsString(m));
                } else {
                    out.println((o.passed() ? "PASS " : "FAIL ") + o.ruleId() + " " + o.name() + " (" + o.source() + "): "
                            + explain(o) + "  [" + o.preview() + "]");
                }
            }
            err.printf("agentdlp rules test: %d rule(s), %d example(s), %d failed%n", sel.scope().size(), outcomes.size(), failed);
            out.flush();
            err.flush();
            return failed > 0 ? 1 : 0;
        }

        private static String explain(ExampleOutcome o) {
            String others = o.found().isEmpty() ? "nothing" : String.join(", ", o.found());
            if (o.kind() == ExampleOutcome.Kind.TRUE_POSITIVE) {
                return o.passed() ? "found" : "not found by " + o.ruleId() + "; the scan reported " + others;
            }
            return o.passed() ? "not reported" : "reported by " + o.ruleId() + " although it is a false-positive example";
        }
    }

    /** {@code agentdlp rules lint [FILE]}. */
    @Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Flag unsafe regexes (catastrophic backtracking: static analysis plus a bounded adversarial run), "
                    + "rules without keywords, duplicated or shadowed rules, and examples that match the wrong rule.",
                    "Exit code 0 = no errors, 1 = errors (or warnings with --strict), 2 = the rules cannot be loaded."})
    static final class Lint implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Rule file (YAML or JSON); default: the built-in catalogue.")
        Path file;

        @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--strict", description = "Warnings fail too.")
        boolean strict;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Selection sel;
            try {
                sel = Selection.of(file);
            } catch (RuleFileException | IOException e) {
                err.println("agentdlp rules lint: " + e.getMessage());
                return 2;
            }
            List<LintIssue> issues = new RuleLinter(sel.catalog()).lint(sel.scope());
            long errors = issues.stream().filter(i -> i.level() == LintIssue.Level.ERROR).count();
            for (LintIssue i : issues) {
                if (format == Format.jsonl) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("rule", i.ruleId());
                    m.put("level", i.level().name().toLowerCase(java.util.Locale.ROOT));
                    m.put("check", i.check().id());
                    m.put("source", i.source());
                    m.put("message", i.message());
                    out.println(JSON.writeValueAsString(m));
                } else {
                    out.println(i.level() + " " + i.check().id() + " " + i.ruleId() + " (" + i.source() + "): " + i.message());
                }
            }
            err.printf("agentdlp rules lint: %d rule(s), %d error(s), %d warning(s)%n", sel.scope().size(), errors,
                    issues.size() - errors);
            out.flush();
            err.flush();
            return errors > 0 || (strict && !issues.isEmpty()) ? 1 : 0;
        }
    }
}
