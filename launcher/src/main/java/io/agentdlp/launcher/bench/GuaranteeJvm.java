package io.agentdlp.launcher.bench;

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

    /** The command line of a child JVM running {@code args}. */
    public List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger agent would try to bind the parent's port again
            if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
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
