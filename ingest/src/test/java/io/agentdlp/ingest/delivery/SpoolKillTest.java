package io.agentdlp.ingest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.samples.RecordingGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream down, N events accepted by a sensor process, the process killed (SIGKILL, no shutdown
 * hook, no close), a new process on the same spool, upstream back: exactly the N events arrive,
 * in order.
 */
class SpoolKillTest {
    private static final int N = 150;

    @TempDir
    Path dir;

    @Test
    void acceptedEventsSurviveAKillAndArriveExactlyOnceInOrder() throws Exception {
        try (RecordingGateway gateway = new RecordingGateway()) {
            gateway.available(false);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xmx128m",
                    SpoolingChild.class.getName(), dir.toString(), Integer.toString(N), gateway.url().toString())
                    .redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    if (line.equals("ACCEPTED " + N)) {
                        break;
                    }
                }
                assertThat(output).as("child output").contains("ACCEPTED " + N);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(gateway.events()).isEmpty();

            gateway.available(true);
            try (SpoolingPublisher restarted = new SpoolingPublisher(Spool.open(SpoolConfig.defaults(dir)),
                    new GatewayEventPublisher(gateway.url(), "t", null, Duration.ofSeconds(5)), "gateway:back",
                    SpoolingPublisher.Options.defaults(), Clock.systemUTC())) {
                List<AgentEgressEvent> got = gateway.await(N, Duration.ofSeconds(60));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (restarted.status().spool().pendingRecords() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(restarted.status().spool().pendingRecords()).isZero();
                got = gateway.events();
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    expected.add(SpoolingChild.event(i).getEventId());
                }
                assertThat(got).extracting(AgentEgressEvent::getEventId).containsExactlyElementsOf(expected);
                assertThat(got.get(N - 1).getContent().getText()).isEqualTo("prompt number " + (N - 1));
            }
        }
    }
}
