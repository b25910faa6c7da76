package io.agentdlp.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU of the JVM's own threads, which {@code ThreadMXBean} does not list: garbage collection ({@link ComponentCpu#GC})
 * and JIT compilation ({@link ComponentCpu#JIT}), read by thread name from Linux's {@code /proc/self/task/<tid>/stat}.
 * Elsewhere the sample is empty and their CPU stays in {@link ComponentCpu#JVM}.
 */
final class JvmThreadCpu {
    /** Linux reports thread CPU in ticks of USER_HZ, 100 per second on every architecture the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path TASKS = Path.of("/proc/self/task");

    /** CPU nanoseconds and component ({@link ComponentCpu#GC} or {@link ComponentCpu#JIT}) per native thread id. */
    record Sample(Map<Long, String> components, Map<Long, Long> nanos) {
        static final Sample NONE = new Sample(Map.of(), Map.of());
    }

    private JvmThreadCpu() {
    }

    /** The GC and JIT threads of this process now; {@link Sample#NONE} where there is no {@code /proc}. */
    static Sample sample() {
        if (!Files.isDirectory(TASKS)) {
            return Sample.NONE;
        }
        Map<Long, String> components = new HashMap<>();
        Map<Long, Long> nanos = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException e) {
                    continue; // the thread ended since the directory was listed
                }
                String component = component(name(stat));
                if (component != null) {
                    long tid = Long.parseLong(task.getFileName().toString());
                    components.put(tid, component);
                    nanos.put(tid, cpuTicks(stat) * NANOS_PER_TICK);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TASKS, e);
        }
        return new Sample(components, nanos);
    }

    /**
     * The component of a JVM-internal thread by its native name (15 characters at most), or null for any other
     * thread. The VM thread counts as GC: it runs the safepoint operations, which under G1 and Parallel are mostly
     * collections.
     */
    static String component(String nativeName) {
        if (nativeName.startsWith("GC Thread#") || nativeName.startsWith("G1 ") || nativeName.equals("VM Thread")
                || nativeName.startsWith("ZWorker") || nativeName.startsWith("ZDriver") || nativeName.startsWith("ZDirector")
                || nativeName.startsWith("Shenandoah")) {
            return ComponentCpu.GC;
        }
        if (nativeName.startsWith("C1 CompilerThre") || nativeName.startsWith("C2 CompilerThre")) {
            return ComponentCpu.JIT;
        }
        return null;
    }

    /** The thread name of a {@code stat} line: between the first '(' and the last ')', which may enclose more of them. */
    static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime of a {@code stat} line (fields 14 and 15, counted from the pid as field 1). */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
