package io.agentdlp.launcher.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One guarantee's benchmark in a JVM of its own: the same Java binary, JVM options (heap limit, system
 * properties) and class path as this one, running the launcher's main class with the given arguments.
 * A fresh JVM per guarantee means the second guarantee neither inherits the first one's heap (the
 * at-least-once stack ran out of memory behind the exactly-once one) nor its warm JIT, and a crash ends
 * only that guarantee.
 */
public final class GuaranteeJvm {
    private final String mainClass;

    public GuaranteeJvm(String mainClass) {
        this.mainClass = mainClass;
    }

    /**
     * The command line of a child JVM running {@code args}. Options that bind a port (a debugger agent,
     * remote JMX) are left out: the parent holds the port. The class path is made absolute because the
     * child runs in a directory of its own, where relative files of other options (a JFR recording, a GC
     * log) do not overwrite those of another guarantee.
     */
    public List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!bindsAPort(a)) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(absoluteClassPath(System.getProperty("java.class.path")));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    static boolean bindsAPort(String jvmOption) {
        return jvmOption.startsWith("-agentlib:jdwp") || jvmOption.startsWith("-Xrunjdwp")
                || jvmOption.startsWith("-Dcom.sun.management.jmxremote.port=")
                || jvmOption.startsWith("-Dcom.sun.management.jmxremote.rmi.port=");
    }

    static String absoluteClassPath(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) {
            entries.add(e.isEmpty() ? e : Path.of(e).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Runs {@code args} in a child JVM sharing this one's terminal and returns its exit code. If this JVM
     * is stopped meanwhile (Ctrl-C), the child is stopped too.
     */
    public int run(List<String> args, Path workingDir) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command(args)).directory(workingDir.toFile()).inheritIO().start();
        Thread stopChild = new Thread(child::destroy, "agentdlp-bench-child-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return child.waitFor();
        } finally {
            if (child.isAlive()) {
                child.destroy();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException e) {
                // this JVM is already shutting down; the hook stops the child
            }
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
