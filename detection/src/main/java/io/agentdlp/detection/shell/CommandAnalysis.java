package io.agentdlp.detection.shell;

import java.util.List;

/**
 * What a shell command line can send where.
 *
 * @param commands       the simple commands
 * @param endpoints      destinations named by network commands
 * @param networkCapable true when some command can move data over the network (curl, scp, git push, ...)
 * @param pushedRemotes  git remote names pushed to
 * @param pushedUrls     git URLs and scp-style targets ({@code git@host:owner/repo}) pushed to
 */
public record CommandAnalysis(List<ShellCommand> commands, List<Endpoint> endpoints, boolean networkCapable,
                              List<String> pushedRemotes, List<String> pushedUrls) {
    public static final CommandAnalysis NONE = new CommandAnalysis(List.of(), List.of(), false, List.of(), List.of());

    public CommandAnalysis {
        commands = List.copyOf(commands);
        endpoints = List.copyOf(endpoints);
        pushedRemotes = List.copyOf(pushedRemotes);
        pushedUrls = List.copyOf(pushedUrls);
    }
}
