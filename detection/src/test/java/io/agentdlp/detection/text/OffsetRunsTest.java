package io.agentdlp.detection.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The run-based offset map against a per-char map (one {@code int} per decoded char, as the renderings kept
 * before) on random nested renderings, and the real decoders' renderings against the original text.
 */
class OffsetRunsTest {

    @Test
    void runsAgreeWithPerCharMapOnRandomNestedRenderings() {
        Random random = new Random(20261124);
        int totalRuns = 0;
        int totalChars = 0;
        RenderingBuffers buffers = RenderingBuffers.reused();
        for (int round = 0; round < 3_000; round++) {
            buffers.releaseAll();
            String original = randomText(random, 1 + random.nextInt(400));
            DecodedText text = DecodedText.of(original);
            int[] reference = identity(original.length());
            int levels = 1 + random.nextInt(4);
            for (int level = 0; level < levels; level++) {
                List<Integer> expected = new ArrayList<>();
                DecodedTextBuilder out = new DecodedTextBuilder(text, random.nextInt(2) == 0 ? 1 : text.length(), level,
                        random.nextBoolean() ? RenderingBuffers.unpooled() : buffers);
                int p = 0;
                int n = text.length();
                while (p < n) {
                    switch (random.nextInt(7)) {
                        case 0, 1 -> { // unchanged stretch
                            int to = Math.min(n, p + random.nextInt(40));
                            out.copy(p, to);
                            for (int q = p; q < to; q++) {
                                expected.add(reference[q]);
                            }
                            p = to;
                        }
                        case 2 -> { // an escape of 2 to 6 chars becomes one char
                            out.append('x', p);
                            expected.add(reference[p]);
                            p += 2 + random.nextInt(5);
                        }
                        case 3 -> { // a base64 quantum: three chars from one source offset
                            for (int k = 0; k < 3; k++) {
                                out.append('b', p);
                                expected.add(reference[p]);
                            }
                            p += 4;
                        }
                        case 4 -> p += 1 + random.nextInt(8); // a cut prefix
                        case 5 -> { // a joiner at the end of a part (percent layer), then a jump
                            out.append('\n', p);
                            expected.add(reference[p]);
                            p += random.nextInt(30);
                        }
                        default -> { // a lookup behind the cursor
                            int back = random.nextInt(p + 1);
                            out.append('y', back);
                            expected.add(reference[back]);
                            p++;
                        }
                    }
                }
                int end = Math.min(p, n);
                DecodedText next = out.build(end);
                expected.add(reference[end]);
                assertThat(next.length()).isEqualTo(expected.size() - 1);
                int[] nextReference = expected.stream().mapToInt(Integer::intValue).toArray();
                for (int i = 0; i <= next.length(); i++) {
                    assertThat(next.originalOffset(i)).as("round %d level %d char %d", round, level, i)
                            .isEqualTo(nextReference[i]);
                }
                totalRuns += next.offsetRuns().runCount();
                totalChars += next.length();
                text = next;
                reference = nextReference;
                if (text.length() == 0) {
                    break;
                }
            }
        }
        // the point of runs: far fewer entries than chars on these renderings
        assertThat(totalRuns).isLessThan(totalChars);
    }

    @Test
    void decodersMapEveryCharToItsSourceOnRandomAgentText() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            String original = randomAgentText(random);
            DecodedText view = AgentText.normalize(original);
            assertMapsToSources(view, original, false);
            assertMapsToSources(PercentDecoder.decodeNearEscapes(view, 1 + random.nextInt(64)), original, true);
            for (DecodedText child : Base64Blobs.decodeAll(view)) {
                DecodedText childView = AgentText.normalize(child);
                assertMonotonicWithin(childView, original);
                assertMonotonicWithin(PercentDecoder.decode(childView), original);
                for (DecodedText grandchild : Base64Blobs.decodeAll(childView)) {
                    assertMonotonicWithin(AgentText.normalize(grandchild), original);
                }
            }
        }
    }

    @Test
    void sharedCharsMapAsTheSameNumberOfSingleAdds() {
        Random random = new Random(20261125);
        for (int round = 0; round < 5_000; round++) {
            OffsetRuns.Builder shared = new OffsetRuns.Builder(1 + random.nextInt(4));
            OffsetRuns.Builder single = new OffsetRuns.Builder();
            int length = 0;
            int origin = random.nextInt(5);
            int steps = 1 + random.nextInt(60);
            for (int step = 0; step < steps; step++) {
                // origins that repeat, advance by one, jump and go back, so every merge of add is met
                origin = Math.max(0, origin + random.nextInt(7) - 2);
                int n = random.nextInt(5);
                switch (random.nextInt(3)) {
                    case 0 -> {
                        shared.addShared(origin, n);
                        for (int k = 0; k < n; k++) {
                            single.add(origin);
                        }
                    }
                    case 1 -> {
                        shared.add(origin);
                        single.add(origin);
                        n = 1;
                    }
                    default -> {
                        shared.addAdvancing(origin, n);
                        single.addAdvancing(origin, n);
                    }
                }
                length += n;
            }
            OffsetRuns a = shared.build();
            OffsetRuns b = single.build();
            for (int i = 0; i < length; i++) {
                assertThat(a.originalOffset(i)).as("round %d char %d", round, i).isEqualTo(b.originalOffset(i));
            }
        }
    }

    @Test
    void anEscapeStartsANewRunOnlyAfterItsDecodedChar() {
        String original = "a\\nb\\nc";
        DecodedText d = JsonStringUnescaper.unescape(DecodedText.of(original));
        assertThat(d.toString()).isEqualTo("a\nb\nc");
        // "a" and the "\n" decoded from offset 1 advance together; "b" at offset 3 starts the next run
        assertThat(d.offsetRuns().runCount()).isEqualTo(3);
        assertThat(new int[] {d.originalOffset(0), d.originalOffset(1), d.originalOffset(2), d.originalOffset(3),
                d.originalOffset(4), d.originalOffset(5)}).containsExactly(0, 1, 3, 4, 6, 7);
    }

    /** A char of an in-place rendering comes from the same char, an escape's backslash or percent sign. */
    private static void assertMapsToSources(DecodedText d, String original, boolean percentParts) {
        assertMonotonicWithin(d, original);
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            char source = original.charAt(d.originalOffset(i));
            boolean joiner = percentParts && c == '\n';
            assertThat(source == c || source == '\\' || source == '%' || joiner)
                    .as("char %d '%s' from '%s' in %s", i, c, source, original).isTrue();
        }
    }

    private static void assertMonotonicWithin(DecodedText d, String original) {
        int previous = 0;
        for (int i = 0; i <= d.length(); i++) {
            int o = d.originalOffset(i);
            assertThat(o).isBetween(previous, original.length());
            previous = o;
        }
    }

    private static int[] identity(int n) {
        int[] r = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static String randomText(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static String randomAgentText(Random random) {
        StringBuilder s = new StringBuilder();
        int parts = 1 + random.nextInt(12);
        for (int k = 0; k < parts; k++) {
            switch (random.nextInt(8)) {
                case 0 -> s.append("{\"content\": \"line\\nkey=\\\"v\\u0041l\\\"\\\\n\\\\\\\"x\\\"\"}");
                case 1 -> s.append("     ").append(1 + random.nextInt(999)).append(random.nextBoolean() ? '\t' : '\u2192')
                        .append("token = abc").append(random.nextInt(1000)).append('\n');
                case 2 -> s.append("@@ -1,2 +1,2 @@\n context\n-old=").append(random.nextInt(99)).append("\n+new\n");
                case 3 -> s.append("https://h/p?k=a%3Db%2F").append(random.nextInt(9)).append("&x=%41%zz ");
                case 4 -> s.append("2025-03-01T10:15:00.123Z step ").append(random.nextInt(9)).append('\n');
                case 5 -> s.append(Base64.getEncoder().encodeToString(
                        ("secret: \"a\\nb\" %3D " + randomText(random, 20 + random.nextInt(60))).getBytes(StandardCharsets.UTF_8)))
                        .append('\n');
                case 6 -> s.append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        ("   12\tpassword=" + randomText(random, 80 + random.nextInt(100))).getBytes(StandardCharsets.UTF_8)))
                        .append('\n');
                default -> s.append(randomText(random, random.nextInt(30))).append(' ');
            }
        }
        return s.toString();
    }
}
