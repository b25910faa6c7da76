package io.agentdlp.ingest.otlp;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;

/**
 * Decodes OTLP/HTTP log export requests (binary protobuf or OTLP-JSON) and encodes the responses.
 * OTLP-JSON differs from protobuf's canonical JSON mapping in trace and span ids, which are hex
 * instead of base64: they are rewritten before parsing. Unknown fields are ignored.
 */
public final class OtlpLogsCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private OtlpLogsCodec() {
    }

    /** Decodes an (already decompressed) request body. */
    public static ExportLogsServiceRequest decode(byte[] body, OtlpEncoding encoding) throws OtlpDecodeException {
        return switch (encoding) {
            case PROTOBUF -> decodeProtobuf(body);
            case JSON -> decodeJson(body);
        };
    }

    private static ExportLogsServiceRequest decodeProtobuf(byte[] body) throws OtlpDecodeException {
        try {
            return ExportLogsServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new OtlpDecodeException("body is not a valid protobuf ExportLogsServiceRequest"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    private static ExportLogsServiceRequest decodeJson(byte[] body) throws OtlpDecodeException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OtlpDecodeException("body is not valid JSON (error at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new OtlpDecodeException("body is unreadable", e);
        }
        if (root == null || !root.isObject()) {
            throw new OtlpDecodeException("body must be a JSON object (ExportLogsServiceRequest)");
        }
        rewriteIds(root);
        ExportLogsServiceRequest.Builder b = ExportLogsServiceRequest.newBuilder();
        try {
            PARSER.merge(JSON.writeValueAsString(root), b);
        } catch (InvalidProtocolBufferException e) {
            throw new OtlpDecodeException("body does not match ExportLogsServiceRequest: " + firstLine(e.getMessage()), e);
        } catch (JsonProcessingException e) {
            throw new OtlpDecodeException("body is unreadable", e);
        }
        return b.build();
    }

    /** traceId/spanId of every log record: OTLP hex → protobuf-JSON base64. */
    private static void rewriteIds(JsonNode root) throws OtlpDecodeException {
        // shapes other than arrays are left for the protobuf parser to reject with its own message
        JsonNode resources = root.path("resourceLogs");
        for (int r = 0; resources.isArray() && r < resources.size(); r++) {
            JsonNode scopes = resources.get(r).path("scopeLogs");
            for (int s = 0; scopes.isArray() && s < scopes.size(); s++) {
                JsonNode records = scopes.get(s).path("logRecords");
                for (int i = 0; records.isArray() && i < records.size(); i++) {
                    if (records.get(i) instanceof ObjectNode rec) {
                        String where = "resourceLogs[" + r + "].scopeLogs[" + s + "].logRecords[" + i + "].";
                        hexToBase64(rec, "traceId", 16, where);
                        hexToBase64(rec, "spanId", 8, where);
                    }
                }
            }
        }
    }

    private static void hexToBase64(ObjectNode rec, String field, int length, String where) throws OtlpDecodeException {
        JsonNode v = rec.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
            rec.remove(field);
            return;
        }
        if (!v.isTextual()) {
            throw new OtlpDecodeException(where + field + ": expected a hex string");
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(v.textValue());
        } catch (IllegalArgumentException e) {
            throw new OtlpDecodeException(where + field + ": not hex", e);
        }
        if (bytes.length != length) {
            throw new OtlpDecodeException(where + field + ": expected " + length + " bytes, got " + bytes.length);
        }
        rec.put(field, Base64.getEncoder().encodeToString(bytes));
    }

    /** The export response: empty on full success, {@code partialSuccess} when some records were rejected. */
    public static byte[] encodeResponse(OtlpEncoding encoding, long rejectedLogRecords, String errorMessage) {
        ExportLogsServiceResponse.Builder b = ExportLogsServiceResponse.newBuilder();
        if (rejectedLogRecords > 0 || (errorMessage != null && !errorMessage.isEmpty())) {
            b.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                    .setRejectedLogRecords(rejectedLogRecords)
                    .setErrorMessage(errorMessage == null ? "" : errorMessage));
        }
        ExportLogsServiceResponse resp = b.build();
        if (encoding == OtlpEncoding.PROTOBUF) {
            return resp.toByteArray();
        }
        try {
            return PRINTER.print(resp).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print ExportLogsServiceResponse", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
