package io.agentdlp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A topology instance in a child JVM ({@link TopologyProcess}), killable without any shutdown. */
final class ChildTopology implements AutoCloseable {
    private final Process process;
    private final Path output;

    private ChildTopology(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the child with the test JVM's class path and waits until its topology is RUNNING. */
    static ChildTopology start(Pipeline pipeline, String name) throws IOException {
        Path stateDir = pipeline.workDir().resolve("child-state-" + name);
        Path output = pipeline.workDir().resolve("child-" + name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), TopologyProcess.class.getName(),
                pipeline.bootstrapServers(), pipeline.registryUrl(), stateDir.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        ChildTopology child = new ChildTopology(p, output);
        try {
            Await.until("child topology RUNNING (output in " + output + ")", Pipeline.START_TIMEOUT,
                    () -> child.output().contains(TopologyProcess.RUNNING) || !p.isAlive());
            if (!p.isAlive()) {
                throw new IllegalStateException("child topology exited with " + p.exitValue() + ":\n" + child.output());
            }
        } catch (RuntimeException | Error e) {
            p.destroyForcibly();
            throw e;
        }
        return child;
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the instance gets no chance to commit, abort, flush or leave its group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child topology did not die");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
