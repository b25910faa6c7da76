package io.agentdlp.ingest.otlp;

import java.util.Locale;

/** The two OTLP/HTTP body encodings, chosen by {@code Content-Type}; replies use the request's encoding. */
public enum OtlpEncoding {
    PROTOBUF("application/x-protobuf"),
    JSON("application/json");

    private final String mediaType;

    OtlpEncoding(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The encoding of a {@code Content-Type} header value (parameters ignored), or null when unsupported. */
    public static OtlpEncoding fromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (base) {
            case "application/x-protobuf", "application/protobuf" -> PROTOBUF;
            case "application/json" -> JSON;
            default -> null;
        };
    }
}
