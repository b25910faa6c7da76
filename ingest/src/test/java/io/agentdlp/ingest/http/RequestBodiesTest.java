package io.agentdlp.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies read through a real JDK HTTP server: declared length, chunked, gzip, and the size limit. */
class RequestBodiesTest {
    private static final long LIMIT = 256 * 1024;

    private HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile byte[] read;
    private volatile int problem;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try {
                read = RequestBodies.read(ex, LIMIT);
                Responses.json(ex, 200, "{}");
            } catch (HttpProblem p) {
                problem = p.status();
                Responses.problem(ex, p);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int post(HttpRequest.BodyPublisher body, String encoding) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).POST(body);
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void aBodyOfDeclaredLengthIsReadWhole() throws Exception {
        for (int n : new int[] {0, 1, 8191, 16384, 100_000, (int) LIMIT}) {
            byte[] body = bytes(n);

            assertThat(post(HttpRequest.BodyPublishers.ofByteArray(body), null)).isEqualTo(200);
            assertThat(read).as("%d bytes", n).isEqualTo(body);
        }
    }

    @Test
    void aChunkedBodyWithoutLengthIsReadWhole() throws Exception {
        byte[] body = bytes(70_000);

        assertThat(post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), null)).isEqualTo(200);
        assertThat(read).isEqualTo(body);
    }

    @Test
    void aGzipBodyIsInflated() throws Exception {
        byte[] body = "agent-event ".repeat(5_000).getBytes();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(body);
        }

        assertThat(post(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray()), "gzip")).isEqualTo(200);
        assertThat(read).isEqualTo(body);
    }

    @Test
    void aBodyOverTheLimitWithoutALengthIs413() throws Exception {
        byte[] body = bytes((int) LIMIT + 1);

        assertThat(post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), null)).isEqualTo(413);
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsRead() throws Exception {
        try {
            post(HttpRequest.BodyPublishers.ofByteArray(bytes((int) LIMIT + 1)), null);
        } catch (IOException e) {
            // the server answers and closes before the client finished sending; the client may see either
        }

        assertThat(problem).isEqualTo(413);
        assertThat(read).isNull();
    }
}
