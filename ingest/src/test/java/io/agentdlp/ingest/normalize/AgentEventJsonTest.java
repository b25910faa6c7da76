package io.agentdlp.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;
import io.agentdlp.ingest.samples.Fixtures;
import io.agentdlp.ingest.samples.HookSample;
import io.agentdlp.ingest.samples.HookSamples;
import org.junit.jupiter.api.Test;

class AgentEventJsonTest {
    private final HookNormalizer hooks = new HookNormalizer(Fixtures.DEVICE, Fixtures.REPOS, ContentFactory.standard(), Fixtures.CLOCK);

    private List<AgentEgressEvent> allSampleEvents() {
        List<AgentEgressEvent> all = new ArrayList<>();
        for (HookSample s : HookSamples.all()) {
            all.addAll(hooks.normalize(s.agent(), s.event(), s.bytes()).events());
        }
        return all;
    }

    @Test
    void roundTripsEveryNormalizedSample() {
        List<AgentEgressEvent> events = allSampleEvents();
        assertThat(AgentEventJson.readBatch(AgentEventJson.writeBatch(events))).isEqualTo(events);
    }

    @Test
    void roundTripsFindingsFingerprintsAndPrivacyMode() {
        AgentEgressEvent e = allSampleEvents().get(0);
        e.setFindings(List.of(new Finding("secret", "aws-access-key-id", Severity.CRITICAL, 0.9, "AKIA********",
                "ab12", "prompt", 1, 17, 16L, 20)));
        e.setFingerprints(new ContentFingerprints(5, 4, List.of(-1L, 42L), List.of(1, 3)));
        e.setPrivacyMode(true);
        assertThat(AgentEventJson.readBatch(AgentEventJson.writeBatch(List.of(e)))).containsExactly(e);
    }

    @Test
    void writesTheDocumentedShape() {
        String json = AgentEventJson.write(allSampleEvents().get(1));
        assertThat(json).startsWith("{\"schema\":\"agent-event/v1\",\"event_id\":\"")
                .contains("\"time\":\"2026-11-23T10:15:02.114Z\"", "\"source\":\"claude_hook\"",
                        "\"device\":{\"id\":\"dev-7f3a\",\"hostname\":\"laptop-42\",\"os\":\"linux\"}",
                        "\"tool\":{\"name\":\"Bash\",\"category\":\"shell\",\"input\":{\"command\":",
                        "\"repo\":{\"remote\":\"git@github.com:acme/app.git\",\"branch\":\"main\"}", "\"can_block\":true");
    }

    @Test
    void acceptsABareArrayAndIgnoresUnknownFields() {
        String one = AgentEventJson.write(allSampleEvents().get(0));
        String withExtra = one.substring(0, one.length() - 1) + ",\"future_field\":{\"a\":1}}";
        assertThat(AgentEventJson.readBatch(("[" + withExtra + "]").getBytes(StandardCharsets.UTF_8))).hasSize(1);
    }

    @Test
    void namesTheFirstInvalidFieldAndWhy() {
        String good = AgentEventJson.write(allSampleEvents().get(0));
        assertError("{\"events\":[" + good + "," + good.replace("\"kind\":\"prompt\"", "\"kind\":\"telepathy\"") + "]}",
                "events[1].kind: unknown value (expected one of prompt, tool_call, tool_result, model_request, model_response, "
                        + "network_request, file_read, file_write, session, other)");
        assertError("{\"events\":[" + good.replace("\"device\":{\"id\":\"dev-7f3a\",", "\"device\":{") + "]}", "events[0].device.id: required");
        assertError("{\"events\":[" + good.replace("\"time\":\"2026-11-23T10:15:02.114Z\"", "\"time\":\"yesterday\"") + "]}",
                "events[0].time: not an ISO-8601 instant such as 2026-11-23T10:15:02.114Z");
        assertError("{\"events\":[" + good.replace("\"can_block\":true", "\"can_block\":\"yes\"") + "]}", "events[0].can_block: expected true or false");
        assertError("{\"events\":[" + good.replace("\"schema\":\"agent-event/v1\"", "\"schema\":\"agent-event/v9\"") + "]}",
                "events[0].schema: unsupported (expected agent-event/v1)");
        assertError("{\"events\":{}}", "events: required: an array of agent-event/v1 objects");
        assertError("{\"events\":[1]}", "events[0]: expected an object");
        assertError("{\"events\":[", "body: not valid JSON (error at line 1, column 12)");
    }

    private static void assertError(String body, String message) {
        assertThatThrownBy(() -> AgentEventJson.readBatch(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NormalizationException.class).hasMessage(message);
    }
}
