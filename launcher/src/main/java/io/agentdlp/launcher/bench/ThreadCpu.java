package io.agentdlp.launcher.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-component CPU of this JVM (which runs the whole stack in the benchmark) from per-thread CPU
 * times: robust to whatever else loads the machine, and it says where the time goes.
 */
final class ThreadCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ProcessStats process = new ProcessStats();

    /**
     * CPU times at one moment: the process's, each live Java thread's (id → name, nanoseconds) and the JVM's GC
     * and JIT threads'.
     */
    record Snapshot(long processNanos, Map<Long, String> names, Map<Long, Long> threadNanos, JvmThreadCpu.Sample jvmThreads) {
    }

    ThreadCpu() {
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread CPU time");
        }
        if (!threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    Snapshot snapshot() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(t.getThreadId());
            if (nanos >= 0) {
                names.put(t.getThreadId(), t.getThreadName());
                cpu.put(t.getThreadId(), nanos);
            }
        }
        JvmThreadCpu.Sample jvmThreads = JvmThreadCpu.sample();
        return new Snapshot(process.cpuNanos(), names, cpu, jvmThreads);
    }

    /** CPU per component between {@code before} and now. */
    ComponentCpu since(Snapshot before) {
        return between(before, snapshot());
    }

    static ComponentCpu between(Snapshot before, Snapshot after) {
        Map<String, Double> seconds = new HashMap<>();
        long seen = 0;
        for (Map.Entry<Long, Long> t : after.threadNanos().entrySet()) {
            long delta = t.getValue() - before.threadNanos().getOrDefault(t.getKey(), 0L);
            if (delta <= 0) {
                continue;
            }
            seen += delta;
            seconds.merge(component(after.names().get(t.getKey())), delta / 1e9, Double::sum);
        }
        long unseen = after.processNanos() - before.processNanos() - seen;
        for (Map.Entry<Long, Long> t : after.jvmThreads().nanos().entrySet()) {
            long delta = t.getValue() - before.jvmThreads().nanos().getOrDefault(t.getKey(), 0L);
            if (delta > 0) {
                unseen -= delta;
                seconds.merge(after.jvmThreads().components().get(t.getKey()), delta / 1e9, Double::sum);
            }
        }
        // /proc counts in 10 ms ticks, so GC and JIT may exceed the unseen rest by a tick or two
        seconds.put(ComponentCpu.JVM, Math.max(0, unseen) / 1e9);
        return new ComponentCpu(seconds);
    }

    /**
     * The component a thread belongs to, from the names the stack gives its threads. The JDK HTTP
     * servers' dispatcher threads and unnamed producers count as the gateway: under the benchmark's load
     * it is the only HTTP server and producer that works (sensor and proxy are idle). The {@code main} thread
     * is the bench's: it starts the stack, then runs the load generator's schedule.
     */
    static String component(String thread) {
        if (thread.contains("agentdlp-bench") || thread.startsWith("HttpClient-") || thread.equals("main")) {
            return ComponentCpu.BENCH;
        }
        if (thread.contains("agentdlp-topology")) {
            return ComponentCpu.TOPOLOGY;
        }
        if (thread.contains("agentdlp-audit-trail")) {
            return ComponentCpu.TRAIL;
        }
        if (thread.contains("agentdlp-registry")) {
            return ComponentCpu.REGISTRY;
        }
        if (thread.contains("agentdlp-alerts") || thread.startsWith("agentdlp-console")) {
            return ComponentCpu.CONSOLE;
        }
        if (thread.startsWith("agentdlp-gateway") || thread.startsWith("HTTP-Dispatcher")
                || thread.startsWith("kafka-producer-network-thread | producer-")) {
            return ComponentCpu.GATEWAY;
        }
        if (thread.startsWith("data-plane-kafka") || thread.startsWith("kafka-") || thread.startsWith("broker-")
                || thread.startsWith("controller-") || thread.startsWith("group-coordinator")
                || thread.startsWith("share-") || thread.startsWith("transaction-") || thread.startsWith("executor-")
                || thread.startsWith("ExpirationReaper") || thread.startsWith("raft-") || thread.startsWith("quorum-")
                || thread.startsWith("LogDirFailureHandler") || thread.startsWith("persister-")
                // the transaction coordinator's senders (markers, partition verification under transactions v2)
                || thread.startsWith("TxnMarkerSenderThread") || thread.startsWith("AddPartitionsToTxnSenderThread")
                || thread.startsWith("PersisterStateManager")) {
            return ComponentCpu.BROKER;
        }
        return ComponentCpu.OTHER;
    }
}
