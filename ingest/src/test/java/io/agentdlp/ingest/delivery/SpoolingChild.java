package io.agentdlp.ingest.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.HookAgent;
import io.agentdlp.ingest.normalize.HookNormalizer;
import io.agentdlp.ingest.samples.Fixtures;

/**
 * A sensor-like process for the kill test: publishes N events through a {@link SpoolingPublisher}
 * whose upstream is down, prints {@code ACCEPTED N} once all were acknowledged, then idles until
 * it is killed.
 */
public final class SpoolingChild {
    private SpoolingChild() {
    }

    /** The i-th test event, the same in every process. */
    static AgentEgressEvent event(int i) {
        HookNormalizer n = new HookNormalizer(Fixtures.DEVICE, Fixtures.REPOS, ContentFactory.standard(), Fixtures.CLOCK);
        String body = "{\"session_id\":\"kill-test\",\"prompt_id\":\"p-" + i + "\",\"hook_event_name\":\"UserPromptSubmit\","
                + "\"prompt\":\"prompt number " + i + "\"}";
        return n.normalize(HookAgent.CLAUDE_CODE, null, body.getBytes(StandardCharsets.UTF_8)).events().get(0);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        URI upstream = URI.create(args[2]);
        SpoolingPublisher p = new SpoolingPublisher(Spool.open(SpoolConfig.defaults(dir)),
                new GatewayEventPublisher(upstream, "t", null, Duration.ofSeconds(5)), "gateway:down",
                SpoolingPublisher.Options.defaults(), Clock.systemUTC());
        for (int i = 0; i < n; i++) {
            p.publish(List.of(event(i))).get();
        }
        System.out.println("ACCEPTED " + n);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
