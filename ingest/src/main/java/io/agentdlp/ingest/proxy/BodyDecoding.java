package io.agentdlp.ingest.proxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import com.github.luben.zstd.ZstdInputStream;

/**
 * Undoes a request's {@code Content-Encoding} (gzip, deflate, zstd; Codex may send zstd) for
 * inspection only: the upstream always receives the original bytes.
 */
final class BodyDecoding {
    private BodyDecoding() {
    }

    /** Decoded bytes, at most {@code limit}; throws {@link BodyTooLargeException} beyond it. */
    static byte[] decode(byte[] body, String contentEncoding, int limit) throws IOException {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.equalsIgnoreCase("identity")) {
            return body;
        }
        InputStream in = new ByteArrayInputStream(body);
        String[] codings = contentEncoding.toLowerCase(Locale.ROOT).split(",");
        for (int i = codings.length - 1; i >= 0; i--) {
            in = switch (codings[i].trim()) {
                case "gzip", "x-gzip" -> new GZIPInputStream(in);
                case "deflate" -> new InflaterInputStream(in);
                case "zstd" -> new ZstdInputStream(in);
                case "identity", "" -> in;
                default -> throw new IOException("unsupported Content-Encoding '" + codings[i].trim() + "'");
            };
        }
        try (InputStream decoded = in) {
            byte[] out = decoded.readNBytes(limit + 1);
            if (out.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            return out;
        }
    }

    /** The decoded body exceeds the inspection limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(int limit) {
            super("decoded request body exceeds " + limit + " bytes");
        }
    }
}
