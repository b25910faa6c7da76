package io.agentdlp.it;

import java.nio.file.Path;
import java.util.Map;

import io.agentdlp.serde.AvroClassTrust;

/**
 * Runs one topology instance in a child JVM so a test can kill it without any shutdown
 * ({@link Process#destroyForcibly()}: SIGKILL, no close, no commit, no leave-group).
 * Arguments: bootstrap servers, registry URL, state directory. Prints {@link #RUNNING} once the
 * instance is running and stops cleanly when its standard input closes.
 */
public final class TopologyProcess {
    static final String RUNNING = "TOPOLOGY_PROCESS_RUNNING";

    private TopologyProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: TopologyProcess <bootstrap servers> <registry url> <state dir>");
            System.exit(2);
        }
        AvroClassTrust.trustGenerated();
        try (TopologyInstance instance = TopologyInstance.start(
                TopologySettings.of(args[0], args[1], Path.of(args[2]), Map.of()), Pipeline.START_TIMEOUT)) {
            System.out.println(RUNNING);
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our standard input
            }
        }
    }
}
