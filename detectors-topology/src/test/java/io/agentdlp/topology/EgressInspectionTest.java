package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;

class EgressInspectionTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void contentSizeIsTheSensorsAndToolInputIsCountedHere() {
        EgressInspection inspection = new EgressInspection(1 << 20);
        AgentEgressEvent prompt = Events.prompt(T, "naïve café ✓");
        InspectedEvent p = inspection.inspect(Events.KEY, prompt);
        assertThat(p.contentBytes()).isEqualTo(prompt.getContent().getBytes());
        assertThat(p.text()).isEqualTo("naïve café ✓");
        assertThat(p.truncated()).isFalse();

        AgentEgressEvent read = Events.read(T, "/home/dev/données/.env");
        InspectedEvent r = inspection.inspect(Events.KEY, read);
        assertThat(r.text()).isEqualTo(read.getTool().getInputJson());
        assertThat(r.contentBytes()).isEqualTo(read.getTool().getInputJson().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void textAboveTheLimitIsCutOnACharacterBoundaryAndCountedWhole() {
        EgressInspection inspection = new EgressInspection(10);
        AgentEgressEvent read = Events.read(T, "/tmp/é/é/é/é/é");
        String input = read.getTool().getInputJson();
        InspectedEvent r = inspection.inspect(Events.KEY, read);
        assertThat(r.truncated()).isTrue();
        assertThat(r.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10);
        assertThat(input).startsWith(r.text());
        assertThat(r.contentBytes()).isEqualTo(input.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void everyDestinationIsListedOnceInTheOrderTheCommandNamesThem() {
        EgressInspection inspection = new EgressInspection(1 << 20);
        InspectedEvent e = inspection.inspect(Events.KEY, Events.shell(T,
                "curl https://b.example.org/x; curl https://a.example.org/y; wget https://b.example.org/x; curl https://c.example.org/"));
        assertThat(e.endpoints()).extracting(p -> p.host()).containsExactly("b.example.org", "a.example.org", "c.example.org");
    }
}
