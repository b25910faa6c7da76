package io.agentdlp.launcher.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dev stack's ports that something else already listens on, checked before anything starts, so a
 * second {@code agentdlp dev} (or another program on 9092, 8080, ...) is named instead of failing
 * halfway with a bind error.
 */
public final class PortsInUse {
    private PortsInUse() {
    }

    /** Option name → port for each port of {@code ports} that cannot be bound on the loopback or any address. */
    public static Map<String, Integer> of(DevPorts ports) {
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("--kafka-port", ports.kafka());
        all.put("--controller-port", ports.controller());
        all.put("--registry-port", ports.registry());
        all.put("--gateway-port", ports.gateway());
        all.put("--topology-port", ports.topology());
        all.put("--console-port", ports.alerts());
        all.put("--sensor-port", ports.sensorHooks());
        all.put("--otlp-port", ports.sensorOtlp());
        all.put("--proxy-port", ports.proxy());
        all.put("--forward-proxy-port", ports.forwardProxy());
        Map<String, Integer> busy = new LinkedHashMap<>();
        all.forEach((option, port) -> {
            if (port != 0 && !free(port)) {
                busy.put(option, port);
            }
        });
        return busy;
    }

    /** "port 9092 (--kafka-port), ..." for a message. */
    public static String describe(Map<String, Integer> busy) {
        List<String> parts = new ArrayList<>();
        busy.forEach((option, port) -> parts.add("port " + port + " (" + option + ")"));
        return String.join(", ", parts);
    }

    private static boolean free(int port) {
        for (InetSocketAddress address : new InetSocketAddress[] {new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                new InetSocketAddress(port)}) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(address);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
