package io.agentdlp.launcher.dev;

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
     * Ports for a throw-away stack (tests, the benchmark): 0 everywhere, each component binds an
     * ephemeral port itself and the stack reports the bound one. A port found free up front could be
     * taken by the broker's own client connections before the component binds it.
     */
    public static DevPorts ephemeral() {
        return new DevPorts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
