package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
    private static BenchCommand parse(String... args) {
        BenchCommand c = new BenchCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void aGuaranteesChildJvmGetsEveryOptionOfThisRunButItsOwnGuaranteeOutputAndTimeShare() {
        BenchCommand parent = parse("--guarantees", "exactly_once_v2,at_least_once", "--start-rate", "300", "--min-rate", "5",
                "--ramp-factor", "1.5", "--step-seconds", "7", "--min-alerts", "9", "--warmup-seconds", "11",
                "--drain-seconds", "13", "--max-search-steps", "4", "--precision", "0.2", "--p99-budget-ms", "400",
                "--max-minutes", "20", "--stream-threads", "3", "--secret-share", "0.3", "--own-code-share", "0.07",
                "--batch-size", "25", "--max-in-flight", "8", "--seed", "99", "--out", "/tmp/all");

        List<String> args = parent.childArgs("at_least_once", Path.of("/tmp/all/at_least_once"), 9.5);

        assertThat(args.get(0)).isEqualTo("bench");
        BenchCommand child = parse(args.subList(1, args.size()).toArray(String[]::new));
        assertThat(child.guarantees).containsExactly("at_least_once");
        assertThat(child.out).isEqualTo(Path.of("/tmp/all/at_least_once"));
        assertThat(child.maxMinutes).isEqualTo(9.5);
        assertThat(child).usingRecursiveComparison()
                .ignoringFields("guarantees", "out", "maxMinutes")
                .isEqualTo(parent);
    }
}
