package io.agentdlp.launcher.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU and resident memory of this JVM, which in the benchmark runs the whole stack. */
final class ProcessStats {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU time this process used so far, in nanoseconds (all threads). */
    long cpuNanos() {
        return os.getProcessCpuTime();
    }

    /** Resident set size in MB from /proc (Linux); heap committed + non-heap elsewhere. */
    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall back to the JVM's own accounting below
        }
        var mem = ManagementFactory.getMemoryMXBean();
        return (mem.getHeapMemoryUsage().getCommitted() + mem.getNonHeapMemoryUsage().getCommitted()) / (1024.0 * 1024);
    }
}
