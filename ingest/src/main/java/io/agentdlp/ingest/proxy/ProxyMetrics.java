package io.agentdlp.ingest.proxy;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The proxy's meters: requests by provider and outcome, blocks scanned and skipped, inspection time. */
final class ProxyMetrics {
    private final MeterRegistry registry;
    private final Counter blocksScanned;
    private final Counter blocksSkipped;
    private final Timer inspection;

    ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.blocksScanned = Counter.builder("agentdlp_proxy_blocks_scanned").description("content blocks inspected").register(registry);
        this.blocksSkipped = Counter.builder("agentdlp_proxy_blocks_skipped")
                .description("content blocks already seen in the session, not inspected again").register(registry);
        this.inspection = Timer.builder("agentdlp_proxy_inspection").description("time spent parsing and inspecting a request body")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void request(Provider provider, String outcome) {
        Counter.builder("agentdlp_proxy_requests").tag("provider", provider.name().toLowerCase(java.util.Locale.ROOT))
                .tag("outcome", outcome).register(registry).increment();
    }

    void blocks(int scanned, int skipped) {
        blocksScanned.increment(scanned);
        blocksSkipped.increment(skipped);
    }

    void inspected(long nanos) {
        inspection.record(nanos, TimeUnit.NANOSECONDS);
    }
}
