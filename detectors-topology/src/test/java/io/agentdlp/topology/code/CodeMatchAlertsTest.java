package io.agentdlp.topology.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.topology.alert.AlertContext;

/** {@link CodeMatchAlerts} gives the alerts it gave with builders and {@code String.format} ({@link CodeMatchAlertsReference}). */
class CodeMatchAlertsTest {
    private static final KeyedHasher HASHER = new KeyedHasher("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));

    @Test
    void randomMatchesGiveTheReferenceAlerts() throws Exception {
        Random rnd = new Random(20261125);
        CodeMatchAlerts alerts = new CodeMatchAlerts(HASHER, 10);
        for (int i = 0; i < 5_000; i++) {
            AlertContext ctx = new AlertContext(text(rnd), text(rnd), rnd.nextLong() >> 20, maybe(rnd), maybe(rnd), maybe(rnd),
                    maybe(rnd), maybe(rnd), maybe(rnd), maybe(rnd),
                    rnd.nextBoolean() ? null : new Destination(maybe(rnd), rnd.nextBoolean() ? null : rnd.nextInt(65536), maybe(rnd)),
                    rnd.nextBoolean());
            List<CodeMatch> matches = new ArrayList<>();
            for (int n = rnd.nextInt(4); n > 0; n--) {
                matches.add(new CodeMatch(text(rnd), text(rnd), rnd.nextInt(2000) - 5, rnd.nextInt(2000), rnd.nextInt(500) - 5,
                        rnd.nextInt(500), similarity(rnd), rnd.nextInt(300) - 2, rnd.nextBoolean()));
            }
            String kind = text(rnd);
            String field = maybe(rnd);
            List<DlpAlert> expected = CodeMatchAlertsReference.alerts(HASHER, 10, ctx, kind, field, matches);
            List<DlpAlert> actual = alerts.alerts(ctx, kind, field, matches);
            assertThat(actual).as("case %d", i).hasSameSizeAs(expected);
            for (int j = 0; j < actual.size(); j++) {
                assertThat(actual.get(j)).as("case %d alert %d", i, j).isEqualTo(expected.get(j));
                assertThat(actual.get(j).toString()).isEqualTo(expected.get(j).toString());
                assertThat(bytes(actual.get(j).toByteBuffer())).isEqualTo(bytes(expected.get(j).toByteBuffer()));
            }
        }
    }

    @Test
    void wholeNumbersFormatAsPercentZeroF() {
        Random rnd = new Random(7);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.MAX_VALUE, 1e15, Math.nextDown(1e15), 1e15 + 1, 1e23, -1e23, 0.49999999999999994,
                4.35, 1.005 * 100, 0.285 * 100, 0.565 * 100, 2.675 * 100));
        for (int k = -1000; k <= 100_000; k++) {
            double half = k + 0.5;
            values.add(half);
            values.add(Math.nextDown(half));
            values.add(Math.nextUp(half));
            values.add((double) k);
            values.add(Math.nextDown((double) k));
            values.add(Math.nextUp((double) k));
        }
        for (int d = 1; d <= 400; d++) {
            for (int n = 0; n <= d; n++) {
                values.add((double) n / d * 100);
                values.add(n / (double) d * 100.0);
            }
        }
        for (int i = 0; i < 300_000; i++) {
            values.add(rnd.nextDouble() * 100);
            values.add(Double.longBitsToDouble(rnd.nextLong()));
            values.add(rnd.nextDouble() * Math.pow(10, rnd.nextInt(20)));
        }
        for (double v : values) {
            StringBuilder sb = new StringBuilder();
            CodeMatchAlerts.appendWhole(sb, v);
            assertThat(sb.toString()).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.0f", v));
        }
    }

    private static double similarity(Random rnd) {
        return switch (rnd.nextInt(8)) {
            case 0 -> 0.0;
            case 1 -> 1.0;
            case 2 -> (double) rnd.nextInt(200) / (1 + rnd.nextInt(200));
            case 3 -> rnd.nextInt(201) / 200.0;
            default -> rnd.nextDouble();
        };
    }

    private static String maybe(Random rnd) {
        return rnd.nextInt(3) == 0 ? null : text(rnd);
    }

    private static String text(Random rnd) {
        int n = rnd.nextInt(30);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(rnd.nextInt(8) == 0 ? (char) (0xC0 + rnd.nextInt(0x2000)) : (char) (0x20 + rnd.nextInt(0x5F)));
        }
        return b.toString();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
