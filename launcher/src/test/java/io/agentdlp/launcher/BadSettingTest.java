package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A setting a component refuses is reported as one usage line with exit code 2, not a stack trace. */
class BadSettingTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedSettingNamesTheCommandAndTheReasonWithoutAStackTrace() {
        CliRun run = CliRun.of("sensor", "--data-dir", dir.toString(), "--retry-min-ms", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("agentdlp sensor: backoff must satisfy 0 < min <= max: min=0ms max=5000ms")
                .contains("agentdlp sensor --help")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownChoiceIsAUsageErrorToo() {
        CliRun run = CliRun.of("sensor", "--data-dir", dir.toString(), "--when-full", "bogus");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--when-full must be reject-new or drop-oldest");
    }
}
