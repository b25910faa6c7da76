package io.agentdlp.detection.shell;

import java.util.List;

/**
 * One simple command of a shell command line, after wrappers ({@code sudo}, {@code env},
 * {@code timeout}, variable assignments, ...) are removed.
 *
 * @param program base name of the executable, e.g. {@code curl}
 * @param args      arguments after the program, unquoted
 * @param redirects targets of the command's redirections ({@code < file}, {@code > out})
 */
public record ShellCommand(String program, List<String> args, List<String> redirects) {
    public ShellCommand {
        args = List.copyOf(args);
        redirects = List.copyOf(redirects);
    }

    /** Arguments and redirection targets: every path the command may touch. */
    public List<String> operands() {
        if (redirects.isEmpty()) {
            return args;
        }
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(redirects);
        return all;
    }
}
