package io.agentdlp.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.otlp.OtlpDecodeException;
import io.agentdlp.ingest.otlp.OtlpEncoding;
import io.agentdlp.ingest.otlp.OtlpLogsCodec;
import io.agentdlp.ingest.samples.Fixtures;
import io.agentdlp.ingest.samples.OtelSample;
import io.agentdlp.ingest.samples.OtelSamples;
import io.agentdlp.ingest.samples.OtlpJson;
import io.agentdlp.ingest.samples.Stamped;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OtelLogNormalizerTest {
    private final OtelLogNormalizer normalizer = new OtelLogNormalizer(Fixtures.DEVICE, ContentFactory.standard(), Fixtures.CLOCK);

    static Stream<OtelSample> samples() {
        return OtelSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void normalizesEveryOtelShapeFieldByField(OtelSample sample) throws OtlpDecodeException {
        byte[] proto = sample.request().toByteArray();
        OtelNormalization out = normalizer.normalize(OtlpLogsCodec.decode(proto, OtlpEncoding.PROTOBUF));

        assertThat(out.rejected()).isZero();
        assertThat(out.events()).hasSize(1);
        AgentEgressEvent e = out.events().get(0);
        Stamped.assertStamped(e);
        assertThat(e.getCwd()).isNull();
        sample.expect().accept(e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void otlpJsonGivesTheSameEventsAsProtobuf(OtelSample sample) throws OtlpDecodeException {
        List<AgentEgressEvent> fromProto = normalizer.normalize(
                OtlpLogsCodec.decode(sample.request().toByteArray(), OtlpEncoding.PROTOBUF)).events();
        List<AgentEgressEvent> fromJson = normalizer.normalize(
                OtlpLogsCodec.decode(OtlpJson.of(sample.request()), OtlpEncoding.JSON)).events();
        assertThat(fromJson).isEqualTo(fromProto);
    }

    @Test
    void recordsWithoutEventNameAreRejectedOthersKept() {
        ExportLogsServiceRequest good = OtelSamples.all().get(0).request();
        LogRecord nameless = LogRecord.newBuilder().setTimeUnixNano(1).setBody(AnyValue.newBuilder().setIntValue(5)).build();
        ExportLogsServiceRequest mixed = good.toBuilder().setResourceLogs(0, good.getResourceLogs(0).toBuilder()
                .setScopeLogs(0, good.getResourceLogs(0).getScopeLogs(0).toBuilder().addLogRecords(nameless))).build();

        OtelNormalization out = normalizer.normalize(mixed);

        assertThat(out.events()).hasSize(1);
        assertThat(out.rejected()).isEqualTo(1);
        assertThat(out.errors()).containsExactly(
                "resourceLogs[0].scopeLogs[0].logRecords[1].eventName: missing (no eventName, event.name attribute or string body)");
    }

    @Test
    void numbersArriveAsIntsDoublesOrStrings() {
        for (OtelSample s : OtelSamples.all()) {
            if (s.name().equals("claude api_request")) {
                AgentEgressEvent e = normalizer.normalize(s.request()).events().get(0);
                assertThat(e.getAttributes().get("output_tokens")).isEqualTo("80");
                assertThat(e.getAttributes().get("duration_ms")).isEqualTo("900");
                return;
            }
        }
        throw new AssertionError("sample missing");
    }

    @Test
    void exporterRetryKeepsEventIds() {
        ExportLogsServiceRequest r = OtelSamples.all().get(3).request();
        assertThat(normalizer.normalize(r).events().get(0).getEventId())
                .isEqualTo(normalizer.normalize(r).events().get(0).getEventId());
    }

    @Test
    void decodeErrorsSayWhatIsWrong() {
        assertThatThrownBy(() -> OtlpLogsCodec.decode(new byte[] {0x0a, 0x7f, 0x01}, OtlpEncoding.PROTOBUF))
                .isInstanceOf(OtlpDecodeException.class).hasMessageStartingWith("body is not a valid protobuf ExportLogsServiceRequest");
        assertThatThrownBy(() -> OtlpLogsCodec.decode("{\"resourceLogs\":[".getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON))
                .isInstanceOf(OtlpDecodeException.class).hasMessageStartingWith("body is not valid JSON");
        assertThatThrownBy(() -> OtlpLogsCodec.decode("[]".getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON))
                .isInstanceOf(OtlpDecodeException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> OtlpLogsCodec.decode(("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"traceId\":\"zz\"}]}]}]}")
                .getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON))
                .isInstanceOf(OtlpDecodeException.class).hasMessage("resourceLogs[0].scopeLogs[0].logRecords[0].traceId: not hex");
        assertThatThrownBy(() -> OtlpLogsCodec.decode("{\"resourceLogs\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON))
                .isInstanceOf(OtlpDecodeException.class).hasMessageStartingWith("body does not match ExportLogsServiceRequest");
    }

    @Test
    void partialSuccessResponsesInBothEncodings() throws Exception {
        ExportLogsServiceResponse proto = ExportLogsServiceResponse.parseFrom(OtlpLogsCodec.encodeResponse(OtlpEncoding.PROTOBUF, 2, "bad"));
        assertThat(proto.getPartialSuccess().getRejectedLogRecords()).isEqualTo(2);
        assertThat(proto.getPartialSuccess().getErrorMessage()).isEqualTo("bad");
        assertThat(new String(OtlpLogsCodec.encodeResponse(OtlpEncoding.JSON, 0, null), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(new String(OtlpLogsCodec.encodeResponse(OtlpEncoding.JSON, 1, "x"), StandardCharsets.UTF_8))
                .isEqualTo("{\"partialSuccess\":{\"rejectedLogRecords\":\"1\",\"errorMessage\":\"x\"}}");
    }
}
