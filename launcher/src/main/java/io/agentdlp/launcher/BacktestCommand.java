package io.agentdlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.agentdlp.detection.policy.PolicyFileException;
import io.agentdlp.detection.secret.RuleFileException;
import io.agentdlp.launcher.replay.ReplayFile;
import io.agentdlp.launcher.replay.ReplayFileException;
import io.agentdlp.topology.config.ConfigException;
import io.agentdlp.tuning.backtest.Backtest;
import io.agentdlp.tuning.backtest.BacktestConfig;
import io.agentdlp.tuning.backtest.BacktestReport;
import io.agentdlp.tuning.backtest.JsonlReport;
import io.agentdlp.tuning.backtest.MarkdownReport;
import io.agentdlp.tuning.backtest.ReplayEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentdlp backtest}: replay recorded traffic through the real topology with two configurations and compare. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the real topology in-process over a replay set (events export), once with the baseline and once "
                + "with the candidate configuration, and report per detector and rule the alerts that are new, gone or "
                + "changed, plus precision/recall where events carry labels. Same inputs, same output.",
                "A configuration is a topology properties file plus backtest.policy.files and backtest.code.index.dir; "
                        + "see docs/tuning.md.",
                "Exit code 0 (with --fail-on-change: 1 when anything changed), 2 = error."})
final class BacktestCommand implements Callable<Integer> {
    /** Report formats. */
    enum Format { markdown, jsonl }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--events", required = true, paramLabel = "FILE",
            description = "Replay set (JSON Lines from 'events export', optionally labelled); repeatable, files are concatenated.")
    List<Path> events = new ArrayList<>();

    @Option(names = "--config", paramLabel = "CANDIDATE", description = "Candidate configuration (default: the defaults).")
    Path candidate;

    @Option(names = "--baseline", paramLabel = "CONFIG",
            description = "Baseline configuration (default: topology defaults with the shipped default policy).")
    Path baseline;

    @Option(names = "--format", defaultValue = "markdown", description = "Report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here (default: standard output).")
    Path output;

    @Option(names = "--fail-on-change", description = "Exit with 1 when any alert is new, gone or changed (for CI).")
    boolean failOnChange;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<ReplayEvent> replay = new ArrayList<>();
        BacktestConfig base;
        BacktestConfig cand;
        try {
            for (Path f : events) {
                replay.addAll(ReplayFile.read(f));
            }
            base = baseline == null ? BacktestConfig.defaults() : BacktestConfig.load(baseline);
            cand = candidate == null ? BacktestConfig.defaults() : BacktestConfig.load(candidate);
        } catch (ReplayFileException | ConfigException | PolicyFileException | IOException e) {
            err.println("agentdlp backtest: " + e.getMessage());
            return 2;
        }
        BacktestReport report;
        try {
            report = Backtest.run(replay, base, cand);
        } catch (ConfigException | RuleFileException e) {
            err.println("agentdlp backtest: " + e.getMessage());
            return 2;
        }
        if (output == null) {
            write(report, spec.commandLine().getOut());
        } else {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                write(report, out);
            }
            err.println("agentdlp backtest: report written to " + output);
        }
        err.printf("agentdlp backtest: %d event(s); baseline %d alert(s), candidate %d alert(s); %d change(s)%n",
                report.events(), report.baseline().alerts().size(), report.candidate().alerts().size(), report.changes().size());
        err.flush();
        return failOnChange && report.hasChanges() ? 1 : 0;
    }

    private void write(BacktestReport report, PrintWriter out) {
        if (format == Format.jsonl) {
            JsonlReport.write(report, out);
        } else {
            MarkdownReport.write(report, out);
        }
        out.flush();
    }
}
