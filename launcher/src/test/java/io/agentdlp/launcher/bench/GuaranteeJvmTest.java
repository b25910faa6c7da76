package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuaranteeJvmTest {
    @TempDir
    Path dir;

    /** The child's main: writes its arguments and heap limit to the file named first, exits with the code named second. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Files.writeString(Path.of(args[0]), String.join(" ", args) + "\nmaxMemory=" + Runtime.getRuntime().maxMemory());
            System.exit(Integer.parseInt(args[1]));
        }
    }

    @Test
    void aChildJvmRunsTheMainClassWithTheArgumentsAndTheSameHeapLimitAndReportsItsExitCode() throws Exception {
        Path seen = dir.resolve("seen.txt");

        int exit = new GuaranteeJvm(Child.class.getName()).run(List.of(seen.toString(), "3", "--guarantees", "at_least_once"), dir);

        assertThat(exit).isEqualTo(3);
        List<String> lines = Files.readAllLines(seen);
        assertThat(lines.get(0)).isEqualTo(seen + " 3 --guarantees at_least_once");
        assertThat(lines.get(1)).isEqualTo("maxMemory=" + Runtime.getRuntime().maxMemory());
    }

    @Test
    void theCommandKeepsThisJvmsOptionsAndClassPathButNoDebuggerAgent() {
        List<String> cmd = new GuaranteeJvm("a.Main").command(List.of("bench", "--out", "x"));

        assertThat(cmd).containsSubsequence("-cp", GuaranteeJvm.absoluteClassPath(System.getProperty("java.class.path")),
                "a.Main", "bench", "--out", "x");
        assertThat(cmd).noneMatch(a -> a.startsWith("-agentlib:jdwp"));
        assertThat(Path.of(cmd.get(0)).getFileName().toString()).startsWith("java");
    }

    @Test
    void optionsThatBindAPortAreLeftOutAndTheClassPathIsAbsolute() {
        assertThat(GuaranteeJvm.bindsAPort("-agentlib:jdwp=transport=dt_socket,server=y,address=5005")).isTrue();
        assertThat(GuaranteeJvm.bindsAPort("-Dcom.sun.management.jmxremote.port=9010")).isTrue();
        assertThat(GuaranteeJvm.bindsAPort("-Dcom.sun.management.jmxremote.rmi.port=9011")).isTrue();
        assertThat(GuaranteeJvm.bindsAPort("-Xmx2g")).isFalse();
        assertThat(GuaranteeJvm.bindsAPort("-XX:StartFlightRecording=filename=bench.jfr")).isFalse();

        String sep = java.io.File.pathSeparator;
        String cp = GuaranteeJvm.absoluteClassPath("launcher/target/all.jar" + sep + "/opt/x.jar");
        assertThat(cp.split(sep)).containsExactly(Path.of("launcher/target/all.jar").toAbsolutePath().toString(), "/opt/x.jar");
    }
}
