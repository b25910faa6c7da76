package io.agentdlp.launcher.dev;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * The dev stack's ports (defaults are the product's documented ports).
 *
 * @param kafka      Kafka bootstrap (9092)
 * @param controller KRaft controller (9093)
 * @param registry   schema registry (8081)
 * @param gateway    ingest gateway (8080)
 * @param topology   topology HTTP: metrics, verdicts, sessions (8082)
 * @param alerts     SOC console (8088)
 * @param sensorHooks sensor hook endpoint (7788)
 * @param sensorOtlp sensor OTLP/HTTP logs receiver (4318)
 * @param proxy      LLM-API egress proxy (8787)
 * @param forwardProxy CONNECT forward proxy for tool traffic (8788)
 */
public record DevPorts(int kafka, int controller, int registry, int gateway, int topology, int alerts, int sensorHooks,
                       int sensorOtlp, int proxy, int forwardProxy) {

    /**
     * Ports for a throw-away stack (tests, the benchmark): 0 where the component binds an ephemeral port
     * itself and reports it, a port found free just now for the gateway and the sensor, which need theirs
     * up front. Binding late-starting servers to 0 avoids racing the broker's own client connections for
     * a port that was free a minute earlier.
     */
    public static DevPorts ephemeral() throws IOException {
        return new DevPorts(0, 0, 0, freePort(), 0, 0, freePort(), freePort(), 0, 0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
