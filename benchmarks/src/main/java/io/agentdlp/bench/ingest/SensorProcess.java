package io.agentdlp.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.agentdlp.ingest.delivery.FsyncPolicy;
import io.agentdlp.ingest.delivery.GatewayEventPublisher;
import io.agentdlp.ingest.delivery.SpoolConfig;
import io.agentdlp.ingest.normalize.RepoLookup;
import io.agentdlp.ingest.sensor.SensorConfig;
import io.agentdlp.ingest.sensor.SensorDaemon;

/**
 * The sensor as its own JVM for {@link IngestBenchmark}: a developer machine runs the sensor alone in a
 * small heap, so its hook latency and footprint are measured that way, not inside the benchmark's JVM
 * with the broker and the gateway. Prints {@code READY <hookPort> <token>} and runs until stdin closes.
 * Arguments: dataDir gatewayUrl gatewayToken fsyncPolicy.
 */
public final class SensorProcess {
    private SensorProcess() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        FsyncPolicy fsync = FsyncPolicy.parse(args[3]);
        SensorConfig base = SensorConfig.defaults(dir).withPorts(0, -1);
        SensorConfig config = new SensorConfig(base.dataDir(), base.hookHost(), 0, base.otlpHost(), -1, false,
                new SpoolConfig(dir.resolve("spool"), SpoolConfig.DEFAULT_SEGMENT_BYTES, SpoolConfig.DEFAULT_MAX_BYTES, fsync,
                        SpoolConfig.WhenFull.REJECT_NEW),
                false, base.modes(), null, base.verdictTimeout(), false, base.maxHookBytes(), base.maxOtlpBytes(),
                base.maxTextChars(), null, null);
        try (SensorDaemon sensor = SensorDaemon.start(config,
                new GatewayEventPublisher(URI.create(args[1]), args[2], null, Duration.ofSeconds(30)),
                "gateway", RepoLookup.none(), Clock.systemUTC())) {
            System.out.println("READY " + sensor.hookAddress().getPort() + " " + sensor.identity().token());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent closes stdin to stop the sensor
            }
        }
    }
}
