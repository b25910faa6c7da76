package io.agentdlp.launcher.bench;

import java.util.List;
import java.util.Random;

/**
 * Realistic agent egress content for the load benchmark: sizes log-normal around a 2 KB median
 * with a tail to 200 KB (prompts, file reads, diffs, tool output), made of code and prose; a
 * configurable share carries a unique synthetic AWS secret, so each of them must raise its own alert,
 * and another share pastes an excerpt of the indexed own code. Deterministic for a seed.
 */
final class BenchPayloads {
    private static final String[] LINES = {
            "public final class OrderService implements Service {",
            "    private final Map<String, Order> orders = new ConcurrentHashMap<>();",
            "    if (order.total().compareTo(limit) > 0) { throw new LimitExceeded(order.id()); }",
            "def reconcile(ledger, payments):\n    return [p for p in payments if p.id not in ledger]",
            "SELECT id, status, updated_at FROM orders WHERE status = 'PENDING' ORDER BY updated_at;",
            "Can you refactor this so the retry logic lives in one place and add a test for the timeout?",
            "     12\t    return httpClient.send(request, BodyHandlers.ofString());",
            "diff --git a/src/app.ts b/src/app.ts\n@@ -10,7 +10,7 @@ export function start() {",
            "INFO 2026-11-24T10:15:02Z worker-3 processed batch=912 records=5000 ms=231",
            "The build fails on CI with a NullPointerException in the serializer; logs attached below.",
            "const config = { region: process.env.REGION, retries: 3, timeoutMs: 2500 };",
            "func (s *Server) Handle(w http.ResponseWriter, r *http.Request) { s.mu.Lock(); defer s.mu.Unlock() }",
    };
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";
    private static final int MEDIAN_BYTES = 2048;
    private static final int MAX_BYTES = 200 * 1024;

    private final Random rnd;
    private final double secretShare;
    private final double ownCodeShare;
    private final List<String> ownCode;

    BenchPayloads(long seed, double secretShare) {
        this(seed, secretShare, 0, List.of());
    }

    /** {@code ownCode}: excerpts of indexed code; {@code ownCodeShare} of the payloads paste one of them. */
    BenchPayloads(long seed, double secretShare, double ownCodeShare, List<String> ownCode) {
        if (ownCodeShare > 0 && ownCode.isEmpty()) {
            throw new IllegalArgumentException("an own-code share needs own-code excerpts");
        }
        this.rnd = new Random(seed);
        this.secretShare = secretShare;
        this.ownCodeShare = ownCodeShare;
        this.ownCode = List.copyOf(ownCode);
    }

    /** One payload; {@code secret} tells whether it carries a planted secret, {@code ownCode} an own-code excerpt. */
    record Payload(String text, boolean secret, boolean ownCode) {
    }

    Payload next() {
        // log-normal: median 2 KB, sigma 1.0 puts p99 near 20 KB and a thin tail up to the cap
        int size = (int) Math.min(MAX_BYTES, Math.max(64, MEDIAN_BYTES * Math.exp(rnd.nextGaussian())));
        boolean secret = rnd.nextDouble() < secretShare;
        boolean code = rnd.nextDouble() < ownCodeShare;
        int secretAt = secret ? rnd.nextInt(size) : Integer.MAX_VALUE;
        StringBuilder sb = new StringBuilder(size + 128);
        if (code) {
            sb.append(ownCode.get(rnd.nextInt(ownCode.size())));
        }
        while (sb.length() < size) {
            if (sb.length() >= secretAt) {
                sb.append("aws_secret_access_key = ").append(randomKey()).append('\n');
                secretAt = Integer.MAX_VALUE;
            }
            sb.append(LINES[rnd.nextInt(LINES.length)]).append('\n');
        }
        if (secretAt != Integer.MAX_VALUE) {
            sb.append("aws_secret_access_key = ").append(randomKey()).append('\n');
        }
        return new Payload(sb.toString(), secret, code);
    }

    private String randomKey() {
        StringBuilder k = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            k.append(B64.charAt(rnd.nextInt(B64.length())));
        }
        return k.toString();
    }
}
