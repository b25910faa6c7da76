package io.agentdlp.ingest.samples;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/** Writes a request the way OTLP/HTTP JSON exporters do: lowerCamelCase, enums as integers, hex trace/span ids. */
public final class OtlpJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OtlpJson() {
    }

    public static byte[] of(ExportLogsServiceRequest request) {
        try {
            String canonical = JsonFormat.printer().printingEnumsAsInts().print(request);
            JsonNode root = JSON.readTree(canonical);
            for (JsonNode rl : root.path("resourceLogs")) {
                for (JsonNode sl : rl.path("scopeLogs")) {
                    for (JsonNode rec : sl.path("logRecords")) {
                        hex((ObjectNode) rec, "traceId");
                        hex((ObjectNode) rec, "spanId");
                    }
                }
            }
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void hex(ObjectNode rec, String field) {
        JsonNode v = rec.get(field);
        if (v != null) {
            rec.put(field, HexFormat.of().formatHex(Base64.getDecoder().decode(v.textValue())));
        }
    }
}
