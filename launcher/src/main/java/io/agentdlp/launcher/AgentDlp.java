package io.agentdlp.launcher;

import io.agentdlp.serde.AvroClassTrust;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the single agentdlp jar: dispatches to one subcommand per component. */
@Command(name = "agentdlp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Data-loss prevention for AI coding agents, on Kafka.",
        subcommands = {
                DevCommand.class,
                BenchCommand.class,
                RegistryCommand.class,
                AlertsCommand.class,
                AuditCommand.class,
                ScanCommand.class,
                IndexCommand.class,
                SensorCommand.class,
                GatewayCommand.class,
                RulesCommand.class,
                PolicyCommand.class,
                EventsCommand.class,
                BacktestCommand.class,
                TopologyCommand.class,
                ProxyCommand.class,
        })
public final class AgentDlp implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * The command line with agentdlp's error handling: a setting refused by a component's validation
     * ({@link IllegalArgumentException}) is a usage error, printed as one line naming the command and
     * answered with exit code 2 instead of a stack trace; anything else keeps picocli's handling.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AgentDlp());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (!(e instanceof IllegalArgumentException)) {
                throw e;
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return CommandLine.ExitCode.USAGE;
        });
        return cli;
    }

    public static void main(String[] args) {
        // Avro 1.12 refuses to instantiate generated classes it was not told to trust
        AvroClassTrust.trustGenerated();
        int code = commandLine().execute(args);
        // log4j's own shutdown hook is disabled so components can still log while they stop
        LogManager.shutdown();
        System.exit(code);
    }
}
