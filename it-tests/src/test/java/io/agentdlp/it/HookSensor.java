package io.agentdlp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.agentdlp.ingest.delivery.DeliveryStatus;
import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.RepoLookup;
import io.agentdlp.ingest.sensor.SensorConfig;
import io.agentdlp.ingest.sensor.SensorDaemon;
import io.agentdlp.ingest.sensor.SeverityModes;
import io.agentdlp.ingest.delivery.SpoolConfig;

/**
 * The real sensor daemon in the test JVM: Claude Code hook payloads are posted to its hook endpoint
 * over HTTP, exactly as the agent's hook command does, and it spools and forwards the events to its
 * upstream (Kafka or the gateway).
 */
final class HookSensor implements AutoCloseable {
    private final SensorDaemon daemon;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HookSensor(SensorDaemon daemon) {
        this.daemon = daemon;
    }

    /** Starts a sensor with its data under {@code dataDir}, the deployment's hash key and ephemeral ports. */
    static HookSensor start(Path dataDir, EventPublisher upstream, String upstreamName, DeviceContext device,
                            boolean privacyMode) throws IOException {
        SensorConfig config = new SensorConfig(dataDir, "127.0.0.1", 0, "127.0.0.1", -1, false,
                SpoolConfig.defaults(dataDir.resolve("spool")), privacyMode, SeverityModes.defaults(), null,
                java.time.Duration.ofMillis(15), false, 16L << 20, 16L << 20, ContentFactory.DEFAULT_MAX_TEXT_CHARS,
                TopologySettings.HASH_KEY, null);
        return new HookSensor(SensorDaemon.start(config, upstream, upstreamName, RepoLookup.none(), Clock.systemUTC(), device));
    }

    /** Posts one Claude Code hook input (a template of {@link ClaudeHooks}); returns the HTTP status. */
    int postClaudeHook(String template, Map<String, String> values) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.hookAddress().getPort()
                            + "/hook/claude-code"))
                    .header(SensorConfig.TOKEN_HEADER, daemon.identity().token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ClaudeHooks.body(template, values))).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting a hook", e);
        }
    }

    DeliveryStatus delivery() {
        return daemon.delivery();
    }

    @Override
    public void close() {
        daemon.close();
    }
}
