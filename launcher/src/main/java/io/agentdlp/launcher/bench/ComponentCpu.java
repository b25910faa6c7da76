package io.agentdlp.launcher.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU-seconds of one step per component of the one-JVM stack, attributed by thread name
 * ({@link ThreadCpu#component(String)}). {@link #GC} and {@link #JIT} are the JVM's garbage-collection and
 * compiler threads (Linux only, {@link JvmThreadCpu}); {@link #JVM} is the rest of the process's CPU not seen on
 * a live Java thread: threads that ended during the step and the JVM's other threads (and GC and JIT where
 * there is no {@code /proc}).
 */
public record ComponentCpu(Map<String, Double> secondsByComponent) {
    public static final String TOPOLOGY = "topology";
    public static final String TRAIL = "audit_trail";
    public static final String GATEWAY = "gateway";
    public static final String BROKER = "broker";
    public static final String CONSOLE = "console";
    public static final String REGISTRY = "registry";
    public static final String BENCH = "bench";
    public static final String OTHER = "other";
    public static final String JVM = "jvm";
    public static final String GC = "jvm_gc";
    public static final String JIT = "jvm_jit";
    /** Every component, in the order of the results file's columns. */
    public static final List<String> COMPONENTS = List.of(TOPOLOGY, TRAIL, GATEWAY, BROKER, CONSOLE, REGISTRY, BENCH, OTHER, JVM, GC, JIT);

    public ComponentCpu {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String c : COMPONENTS) {
            m.put(c, secondsByComponent.getOrDefault(c, 0.0));
        }
        if (!COMPONENTS.containsAll(secondsByComponent.keySet())) {
            throw new IllegalArgumentException("unknown components in " + secondsByComponent.keySet());
        }
        secondsByComponent = java.util.Collections.unmodifiableMap(m);
    }

    public double seconds(String component) {
        return secondsByComponent.get(component);
    }

    public double total() {
        return secondsByComponent.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
