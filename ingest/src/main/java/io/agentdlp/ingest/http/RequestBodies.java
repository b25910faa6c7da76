package io.agentdlp.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.sun.net.httpserver.HttpExchange;

/**
 * Reads request bodies within a size limit, before and after {@code Content-Encoding: gzip}, so
 * neither a huge upload nor a small gzip bomb can exhaust memory.
 */
public final class RequestBodies {
    /** The largest array a JVM allocates reliably. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private RequestBodies() {
    }

    /**
     * @param maxBytes limit on the body as sent and, for gzip, as inflated
     * @throws HttpProblem 413 above the limit, 415 for an unsupported encoding, 400 for broken gzip
     */
    public static byte[] read(HttpExchange ex, long maxBytes) throws HttpProblem, IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        long len = -1;
        if (declared != null) {
            try {
                len = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw new HttpProblem(400, "bad_request", "Content-Length is not a number");
            }
            if (len > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
        byte[] raw = len >= 0 && len <= MAX_ARRAY ? readDeclared(ex.getRequestBody(), (int) len) : readLimited(ex.getRequestBody(), maxBytes);
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            return raw;
        }
        if (!encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
            throw new HttpProblem(415, "unsupported_encoding", "Content-Encoding '" + encoding.trim() + "' is not supported (use gzip or none)");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 8192)) {
            return readLimited(in, maxBytes);
        } catch (ZipException | java.io.EOFException e) {
            throw new HttpProblem(400, "bad_gzip", "body is not valid gzip (truncated or corrupt)");
        }
    }

    /**
     * A body of declared length into one array of that size: the server's stream ends at the declared length,
     * so growing a buffer and copying it out (three to four times the body in garbage on the gateway's hot path)
     * is not needed. A client that sends less gets what it sent, as with {@link #readLimited}.
     */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int n = in.readNBytes(body, 0, length);
        return n == length ? body : Arrays.copyOf(body, n);
    }

    private static byte[] readLimited(InputStream in, long maxBytes) throws IOException, HttpProblem {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) {
                drain(in);
                throw tooLarge(maxBytes);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads the rest so the connection can be reused, up to a bound (then the server closes it). */
    private static void drain(InputStream in) {
        byte[] buf = new byte[16384];
        try {
            long left = 64L << 20;
            int n;
            while (left > 0 && (n = in.read(buf)) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client may hang up once it sees 413: nothing left to drain
        }
    }

    private static HttpProblem tooLarge(long maxBytes) {
        return new HttpProblem(413, "too_large", "body exceeds the limit of " + maxBytes + " bytes");
    }
}
