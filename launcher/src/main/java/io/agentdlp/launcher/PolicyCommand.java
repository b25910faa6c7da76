package io.agentdlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.detection.policy.PolicyFileException;
import io.agentdlp.topics.Topics;
import io.agentdlp.tuning.policy.PolicyDiff;
import io.agentdlp.tuning.policy.PolicyPush;
import io.agentdlp.tuning.policy.PolicyTopic;
import io.agentdlp.tuning.policy.PolicyTopicException;
import io.agentdlp.tuning.policy.PolicyValidation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agentdlp policy}: validate a policy file, diff it against the live topic, publish it. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Policy workflow: validate a policy file, show what it would change against the dlp-policies topic, "
                + "publish it (the topology applies it without a restart).",
                "File format: docs/policy.md; workflow: docs/tuning.md."},
        subcommands = {PolicyCommand.Validate.class, PolicyCommand.Diff.class, PolicyCommand.Push.class})
final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Parses and validates; prints problems; null when the file is unusable. */
    static PolicyDocument load(Path file, String command, PrintWriter out, PrintWriter err) {
        PolicyDocument doc;
        try {
            doc = PolicyFile.load(file);
        } catch (PolicyFileException e) {
            err.println("agentdlp policy " + command + ": " + e.getMessage());
            return null;
        }
        boolean errors = false;
        for (PolicyValidation.Problem p : PolicyValidation.check(doc)) {
            (p.error() ? err : out).println((p.error() ? "error: " : "warning: ") + file + ": " + p.message());
            errors |= p.error();
        }
        return errors ? null : doc;
    }

    /** {@code agentdlp policy validate FILE}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a policy file offline: syntax, unknown keys, the engine compiles it, the Avro record keeps it "
                    + "unchanged, thresholds, version, dead rules.", "Exit code 0 = valid (warnings allowed), 1 = invalid."})
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Policy file (YAML or JSON).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PolicyDocument doc = load(file, "validate", out, spec.commandLine().getErr());
            if (doc == null) {
                return 1;
            }
            out.printf("%s: policy '%s' version %d: %d rule(s), %d allowed destination(s), %d sensitive path(s), %d threshold(s)%n",
                    file, doc.id(), doc.version(), doc.rules().size(), doc.allowedDestinations().size(),
                    doc.sensitivePaths().size(), doc.thresholds().size());
            out.flush();
            return 0;
        }
    }

    /** {@code agentdlp policy diff FILE}. */
    @Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Show what publishing FILE would change against the policy in force on the dlp-policies topic: "
                    + "settings and rules added (+), removed (-) and changed (~).",
                    "Exit code 0 (with --exit-code: 0 = no changes, 1 = changes), 2 = error."})
    static final class Diff implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Policy file (YAML or JSON).")
        Path file;

        @Mixin
        KafkaClientOptions kafka;

        @Option(names = "--topic", paramLabel = "NAME", description = "Policies topic (default: dlp-policies).")
        String topic = Topics.POLICIES.defaultName();

        @Option(names = "--exit-code", description = "Exit with 1 when there are changes (like git diff --exit-code).")
        boolean exitCode;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PolicyDocument doc = load(file, "diff", out, err);
            if (doc == null) {
                return 2;
            }
            try (PolicyTopic t = new PolicyTopic(kafka.clients(), kafka.serde(), topic)) {
                PolicyDiff diff = PolicyDiff.between(t.live().get(doc.id()), doc);
                diff.render().forEach(out::println);
                out.flush();
                return exitCode && !diff.noChanges() ? 1 : 0;
            } catch (PolicyTopicException | KafkaException e) {
                err.println("agentdlp policy diff: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code agentdlp policy push FILE}. */
    @Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Validate FILE, show the diff against the policy in force and publish it to the dlp-policies topic.",
                    "The version in FILE must be newer than the one in force (or use --bump); an unchanged policy is not "
                            + "published again.",
                    "Exit code 0 = published or unchanged, 1 = refused or invalid, 2 = error."})
    static final class Push implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Policy file (YAML or JSON).")
        Path file;

        @Mixin
        KafkaClientOptions kafka;

        @Option(names = "--topic", paramLabel = "NAME", description = "Policies topic (default: dlp-policies).")
        String topic = Topics.POLICIES.defaultName();

        @Option(names = "--bump", description = "Publish as the version in force plus one when the file's version is not newer.")
        boolean bump;

        @Option(names = "--dry-run", description = "Show what would be published without publishing.")
        boolean dryRun;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PolicyDocument doc = load(file, "push", out, err);
            if (doc == null) {
                return 1;
            }
            try (PolicyTopic t = new PolicyTopic(kafka.clients(), kafka.serde(), topic)) {
                PolicyPush plan = PolicyPush.plan(t.live().get(doc.id()), doc, bump);
                plan.diff().render().forEach(out::println);
                switch (plan.action()) {
                    case UNCHANGED -> out.println(plan.reason());
                    case REFUSED -> err.println("agentdlp policy push: " + plan.reason());
                    case PUBLISH -> {
                        if (dryRun) {
                            out.println("dry run: would publish policy '" + plan.document().id() + "' version "
                                    + plan.document().version() + " to " + topic);
                        } else {
                            RecordMetadata m = t.publish(plan.document(), clock.instant());
                            out.println("published policy '" + plan.document().id() + "' version " + plan.document().version()
                                    + " to " + topic + " (partition " + m.partition() + ", offset " + m.offset() + ")");
                        }
                    }
                }
                out.flush();
                return plan.action() == PolicyPush.Action.REFUSED ? 1 : 0;
            } catch (PolicyTopicException | KafkaException e) {
                err.println("agentdlp policy push: " + e.getMessage());
                return 2;
            }
        }
    }
}
