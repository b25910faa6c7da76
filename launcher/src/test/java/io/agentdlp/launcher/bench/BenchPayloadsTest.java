package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import org.junit.jupiter.api.Test;

class BenchPayloadsTest {
    private static final String EXCERPT = "public final class AcmeInternal { int answer() { return 42; } }\n";

    @Test
    void sizesHaveA2KbMedianAndATailCappedAt200Kb() {
        BenchPayloads payloads = new BenchPayloads(7, 0.1);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            sizes.add(payloads.next().text().getBytes(StandardCharsets.UTF_8).length);
        }
        Collections.sort(sizes);

        assertThat(sizes.get(sizes.size() / 2)).isBetween(1800, 2600);
        assertThat(sizes.get(sizes.size() - 1)).isGreaterThan(20_000).isLessThanOrEqualTo(200 * 1024 + 256);
    }

    @Test
    void theConfiguredSharesCarryASecretTheScannerFindsOrAnOwnCodeExcerpt() {
        BenchPayloads payloads = new BenchPayloads(11, 0.2, 0.1, List.of(EXCERPT));
        SecretScanner scanner = SecretScanner.builder().catalog(RuleCatalog.builtIn())
                .hasher(KeyedHasher.fromSecret("bench-test-key-of-32-characters")).build();
        int secrets = 0;
        int code = 0;
        for (int i = 0; i < 500; i++) {
            BenchPayloads.Payload p = payloads.next();
            assertThat(scanner.scan(p.text()).isEmpty()).as("payload %d secret=%s", i, p.secret()).isEqualTo(!p.secret());
            assertThat(p.text().contains(EXCERPT)).isEqualTo(p.ownCode());
            secrets += p.secret() ? 1 : 0;
            code += p.ownCode() ? 1 : 0;
        }

        assertThat(secrets).isBetween(70, 130);
        assertThat(code).isBetween(30, 70);
    }

    @Test
    void theSameSeedGivesTheSamePayloads() {
        BenchPayloads a = new BenchPayloads(3, 0.5);
        BenchPayloads b = new BenchPayloads(3, 0.5);
        for (int i = 0; i < 20; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }
}
