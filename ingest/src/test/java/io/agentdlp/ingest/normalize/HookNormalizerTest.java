package io.agentdlp.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.samples.Fixtures;
import io.agentdlp.ingest.samples.HookSample;
import io.agentdlp.ingest.samples.HookSamples;
import io.agentdlp.ingest.samples.Stamped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HookNormalizerTest {
    private final HookNormalizer normalizer = new HookNormalizer(Fixtures.DEVICE, Fixtures.REPOS,
            ContentFactory.standard(), Fixtures.CLOCK);

    static Stream<HookSample> samples() {
        return HookSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void normalizesEverySampleShapeFieldByField(HookSample sample) {
        NormalizedHook out = normalizer.normalize(sample.agent(), sample.event(), sample.bytes());

        assertThat(out.blockable()).isEqualTo(sample.blockable());
        assertThat(out.events()).hasSize(sample.expect().size());
        for (int i = 0; i < out.events().size(); i++) {
            Stamped.assertStamped(out.events().get(i));
            assertThat(out.events().get(i).getFindings()).isEmpty();
            sample.expect().get(i).accept(out.events().get(i));
        }
        assertThat(out.events().stream().map(AgentEgressEvent::getEventId).distinct()).hasSize(out.events().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void redeliveryOfTheSamePayloadKeepsEventIds(HookSample sample) {
        HookNormalizer later = new HookNormalizer(Fixtures.DEVICE, Fixtures.REPOS, ContentFactory.standard(),
                Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
        List<String> first = ids(normalizer.normalize(sample.agent(), sample.event(), sample.bytes()));
        List<String> again = ids(later.normalize(sample.agent(), sample.event(), sample.bytes()));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void everySampleGetsItsOwnEventIds() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (HookSample s : HookSamples.all()) {
            for (String id : ids(normalizer.normalize(s.agent(), s.event(), s.bytes()))) {
                seen.add(id);
                total++;
            }
        }
        assertThat(seen).hasSize(total);
    }

    @Test
    void sameRecordFromAnotherDeviceGetsAnotherId() {
        HookSample s = HookSamples.all().get(0);
        HookNormalizer other = new HookNormalizer(new DeviceContext("dev-other", null, null, null, null),
                Fixtures.REPOS, ContentFactory.standard(), Fixtures.CLOCK);
        assertThat(ids(other.normalize(s.agent(), s.event(), s.bytes())))
                .doesNotContainAnyElementsOf(ids(normalizer.normalize(s.agent(), s.event(), s.bytes())));
    }

    @Test
    void rejectsMalformedPayloadsNamingTheProblem() {
        assertThatThrownBy(() -> normalizer.normalize(HookAgent.CLAUDE_CODE, null, "{\"session_id\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NormalizationException.class).hasMessageStartingWith("body: not valid JSON");
        assertThatThrownBy(() -> normalizer.normalize(HookAgent.CLAUDE_CODE, null, "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NormalizationException.class).hasMessage("body: expected a JSON object");
        assertThatThrownBy(() -> normalizer.normalize(HookAgent.CLAUDE_CODE, null, "{\"session_id\":\"s\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NormalizationException.class).hasMessage("hook_event_name: required");
        assertThatThrownBy(() -> normalizer.normalize(HookAgent.COPILOT, null, "{\"toolName\":\"bash\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NormalizationException.class).hasMessageStartingWith("event: required");
        assertThatThrownBy(() -> normalizer.normalize(HookAgent.CLAUDE_CODE, null, new byte[0]))
                .isInstanceOf(NormalizationException.class).hasMessageStartingWith("body: empty");
    }

    @Test
    void malformedJsonMessageNeverQuotesPayloadContent() {
        byte[] body = "{\"prompt\": AKIAIOSFODNN7EXAMPLE}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> normalizer.normalize(HookAgent.CLAUDE_CODE, null, body))
                .isInstanceOf(NormalizationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AKIA"));
    }

    @Test
    void truncatesHugeTextButMeasuresAllOfIt() {
        HookNormalizer small = new HookNormalizer(Fixtures.DEVICE, Fixtures.REPOS, new ContentFactory(10), Fixtures.CLOCK);
        String prompt = "0123456789abcdefghij";
        AgentEgressEvent e = small.normalize(HookAgent.CLAUDE_CODE, null,
                ("{\"session_id\":\"s\",\"hook_event_name\":\"UserPromptSubmit\",\"prompt\":\"" + prompt + "\"}")
                        .getBytes(StandardCharsets.UTF_8)).events().get(0);
        assertThat(e.getContent().getText()).isEqualTo("0123456789");
        assertThat(e.getContent().getTruncated()).isTrue();
        assertThat(e.getContent().getBytes()).isEqualTo(20);
        assertThat(e.getContent().getSha256()).isEqualTo(ContentFactory.sha256Hex(prompt.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void toleratesUnknownEventsAndFields() {
        NormalizedHook out = normalizer.normalize(HookAgent.CLAUDE_CODE, null,
                "{\"session_id\":\"s\",\"hook_event_name\":\"ConfigChange\",\"brand_new\":{\"x\":[1]}}".getBytes(StandardCharsets.UTF_8));
        assertThat(out.blockable()).isFalse();
        assertThat(out.events()).singleElement().satisfies(e -> {
            assertThat(e.getKind()).hasToString("other");
            assertThat(e.getAttributes()).containsEntry("hook_event_name", "ConfigChange");
        });
    }

    private static List<String> ids(NormalizedHook h) {
        return h.events().stream().map(AgentEgressEvent::getEventId).toList();
    }
}
