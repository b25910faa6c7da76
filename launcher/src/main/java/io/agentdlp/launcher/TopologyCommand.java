package io.agentdlp.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.agentdlp.topology.DlpApplication;
import io.agentdlp.topology.config.ConfigException;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;
import io.agentdlp.topology.describe.TopologyPicture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agentdlp topology}: runs the Kafka Streams DLP topology, or prints its description.
 * Settings, later ones winning: defaults, {@code --config} file, {@code AGENTDLP_*} environment
 * variables, {@code --set} options.
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = {"Run the Kafka Streams DLP topology: reads agent-egress-events, runs the secret, own-code, "
                + "destination-policy, sequence, volume and risky-action detectors, writes dlp-alerts. "
                + "HTTP on port 8082: /metrics, /health, /ready, POST /v1/verdict, GET /v1/sessions/{device}:{session}.",
                "Settings, later ones winning: defaults, --config file, AGENTDLP_* environment variables "
                + "(AGENTDLP_BOOTSTRAP_SERVERS, AGENTDLP_HASH_KEY, ...), --set. docs/topology.md lists every option."})
final class TopologyCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with topology options.")
    Path config;

    @Option(names = "--describe", description = "Print the topology description (sub-topologies, processors, stores, topics) and exit.")
    boolean describe;

    /** Output of --describe. */
    enum DescribeFormat { text, mermaid, dot }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "With --describe: text (Kafka Streams' description), mermaid or dot (a picture; docs/topology.mmd).")
    DescribeFormat format;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set an option, e.g. --set processing.guarantee=at_least_once.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        TopologyConfig c;
        try {
            c = config == null ? TopologyConfig.from(new Properties(), System.getenv())
                    : TopologyConfig.load(config, System.getenv());
            for (Map.Entry<String, String> e : settings.entrySet()) {
                c = c.with(e.getKey(), e.getValue());
            }
        } catch (ConfigException e) {
            System.err.println("agentdlp topology: " + e.getMessage());
            return 2;
        }
        if (describe) {
            System.out.print(format == DescribeFormat.text ? DlpApplication.describe(c) + "\n" : TopologyPicture.render(
                    TopologyPicture.describe(c), format == DescribeFormat.dot ? TopologyPicture.Format.DOT : TopologyPicture.Format.MERMAID));
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        DlpApplication app = DlpApplication.start(c);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "agentdlp-topology-shutdown"));
        System.out.println("agentdlp topology is running (application " + c.string(TopologyOptions.APPLICATION_ID)
                + ", Kafka " + c.string(TopologyOptions.BOOTSTRAP_SERVERS) + ", HTTP port " + app.httpPort()
                + "). Press Ctrl-C to stop.");
        if (app.awaitStop()) {
            System.err.println("agentdlp topology: Kafka Streams failed (state ERROR); see the log. Stopping.");
            app.close();
            return 1;
        }
        stopped.await(40, TimeUnit.SECONDS);
        return 0;
    }
}
