package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agentdlp.detection.shell.Endpoint;

class ToolInputUrlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What inspection did before the token stream: read the whole tree, then walk its values. */
    private static List<Endpoint> treeReading(String json) {
        List<Endpoint> out = new ArrayList<>();
        try {
            walk(JSON.readTree(json), out, new int[] {0});
        } catch (JsonProcessingException e) {
            return List.of();
        }
        return out;
    }

    private static void walk(JsonNode n, List<Endpoint> out, int[] seen) {
        if (seen[0] >= ToolInputUrls.MAX_URLS) {
            return;
        }
        if (n.isTextual()) {
            if (n.asText().contains("://")) {
                Endpoint.fromUrl(n.asText()).ifPresent(e -> {
                    out.add(e);
                    seen[0]++;
                });
            }
        } else if (n.isContainerNode()) {
            for (JsonNode c : n) {
                walk(c, out, seen);
            }
        }
    }

    private static List<Endpoint> streamed(String json) {
        List<Endpoint> out = new ArrayList<>();
        out.add(Endpoint.fromUrl("https://already.example.org/").orElseThrow());
        ToolInputUrls.addTo(json, out);
        return out.subList(1, out.size());
    }

    @Test
    void findsTheUrlsOfStringValuesInDocumentOrder() {
        assertThat(streamed("{\"url\":\"https://docs.example.com/a?q=1\",\"prompt\":\"summarise\","
                + "\"more\":[{\"u\":\"http://b.example.org/x\"},\"ftp://c.example.net/\"],\"https://key.example\":1}"))
                .extracting(Endpoint::host).containsExactly("docs.example.com", "b.example.org", "c.example.net");
    }

    @Test
    void readsWhatTheTreeReadsOnEdgeCases() {
        List<String> inputs = List.of(
                "", "   ", "null", "\"https://root.example.org/\"", "\"https://root.example.org/\" trailing garbage",
                "{\"url\":\"https:\\/\\/escaped.example.org\\/p\"}", "{\"url\":\"https\\u003a//unicode.example.org/\"}",
                "{\"a\":\"https://first.example.org/\",\"a\":\"https://second.example.org/\"}",
                "{\"a\":\"https://x.example.org/\",\"b\":", "{\"a\":\"https://x.example.org/\"", "[\"https://x.example.org/\",]",
                "{\"a\":\"https://x.example.org/\"} {\"b\":\"https://y.example.org/\"}", "not json https://z.example.org/",
                "{\"n\":12345678901234567890123,\"f\":1.5e300,\"u\":\"https://n.example.org/\"}",
                "{\"u\":\"://no-scheme\",\"v\":\"mailto://odd\",\"w\":\"https://\"}", "[[[[\"https://deep.example.org/\"]]]]");
        for (String in : inputs) {
            assertThat(streamed(in)).as(in).isEqualTo(treeReading(in));
        }
        assertThat(streamed("{\"a\":\"https://first.example.org/\",\"a\":\"https://second.example.org/\"}"))
                .extracting(Endpoint::host).containsExactly("second.example.org");
    }

    @Test
    void keepsAtMostSixteenUrlsButStillRejectsABrokenTail() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            many.append(i == 0 ? "" : ",").append("\"https://h").append(i).append(".example.org/\"");
        }
        assertThat(streamed(many + "]")).hasSize(ToolInputUrls.MAX_URLS).isEqualTo(treeReading(many + "]"));
        assertThat(streamed(many + ",")).isEmpty();
    }

    @Test
    void randomDocumentsGiveTheTreesResult() {
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder();
            value(random, b, 0);
            String json = b.toString();
            if (random.nextInt(10) == 0) {
                // Broken documents: cut anywhere.
                json = json.substring(0, random.nextInt(json.length() + 1));
            }
            assertThat(streamed(json)).as(json).isEqualTo(treeReading(json));
        }
    }

    private static final String[] STRINGS = {"https://a.example.org/x", "http://b.example.com:8080/p?q=1", "summarise",
            "wss://c.example.net/s", "https://a.example.org/x", "://", "see https://d.example.io/ and more", "s3://bucket/key",
            "https:\\/\\/e.example.org\\/", "caf\\u00e9 https://f.example.org/"};

    private static void value(SplittableRandom r, StringBuilder b, int depth) {
        int kind = depth > 3 ? 2 + r.nextInt(3) : r.nextInt(5);
        switch (kind) {
            case 0 -> {
                b.append('{');
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",").append('"').append("k").append(r.nextInt(4)).append("\":");
                    value(r, b, depth + 1);
                }
                b.append('}');
            }
            case 1 -> {
                b.append('[');
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",");
                    value(r, b, depth + 1);
                }
                b.append(']');
            }
            case 2, 3 -> b.append('"').append(STRINGS[r.nextInt(STRINGS.length)]).append('"');
            default -> b.append(r.nextBoolean() ? String.valueOf(r.nextInt()) : r.nextBoolean() ? "true" : "null");
        }
    }
}
