package io.agentdlp.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.agentdlp.launcher.dev.DevStack;
import picocli.CommandLine;

/**
 * Indexes a source tree into a running dev stack: {@code agentdlp index --publish} against the stack's
 * broker and registry, with the index under the stack's data directory, so the topology's code
 * detector matches the repository's code within seconds.
 */
final class StackIndexer {
    private final DevStack stack;

    StackIndexer(DevStack stack) {
        this.stack = stack;
    }

    /** Indexes {@code tree} as repo {@code repo}; throws when the index command fails (it printed why). */
    void index(Path tree, String repo, boolean quiet) {
        List<String> args = new ArrayList<>(List.of("--index-dir", stack.dataDir().resolve("code-index").toString(),
                "--repo", repo, "--publish", "--publish-all", "--bootstrap-servers", stack.kafkaBootstrap(),
                "--registry-url", stack.registryUrl()));
        if (quiet) {
            args.add("--quiet");
        }
        args.add(tree.toString());
        int code = new CommandLine(new IndexCommand()).execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IndexingFailedException("indexing " + tree + " as repo " + repo + " failed (exit code " + code + ")");
        }
    }

    /** The index command failed; its own message went to stderr. */
    static final class IndexingFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IndexingFailedException(String message) {
            super(message);
        }
    }
}
