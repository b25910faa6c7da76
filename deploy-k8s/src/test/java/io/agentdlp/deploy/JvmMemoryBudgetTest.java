package io.agentdlp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The container memory limit covers everything the JVM and RocksDB allocate, by the arithmetic of
 * docs/sizing.md: heap (MaxRAMPercentage of the limit) + RocksDB (block cache, memtables charged to
 * it, plus 25% for what is not charged: pinned index/filter blocks, iterators, compaction buffers)
 * + JVM native memory (metaspace, code cache, direct buffers, 200 thread stacks, GC structures at
 * 10% of the heap) must stay within 90% of the limit; the rest absorbs malloc fragmentation.
 */
class JvmMemoryBudgetTest {
    private static final double ROCKSDB_UNCHARGED = 0.25;
    private static final int THREADS = 200;
    private static final double GC_OVERHEAD = 0.10;
    private static final double MAX_SHARE_OF_LIMIT = 0.90;

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyAgentdlpJvmFitsItsContainer(Overlay overlay) {
        for (JsonNode w : overlay.manifests().workloads()) {
            for (JsonNode c : Manifests.podSpec(w).path("containers")) {
                if (!c.path("image").asText().contains("agentdlp/agentdlp")) {
                    continue;
                }
                long limit = bytes(c.at("/resources/limits/memory").asText());
                String opts = WorkloadRulesTest.env(c, "JAVA_TOOL_OPTIONS");
                long heap = (long) (limit * percent(opts, "MaxRAMPercentage") / 100);
                long cache = optionalEnvBytes(c, "AGENTDLP_ROCKSDB_BLOCK_CACHE_BYTES");
                long writeBuffers = optionalEnvBytes(c, "AGENTDLP_ROCKSDB_WRITE_BUFFER_BYTES");
                long rocksdb = (long) (cache * (1 + ROCKSDB_UNCHARGED));
                long jvmNative = flag(opts, "MaxMetaspaceSize") + flag(opts, "ReservedCodeCacheSize")
                        + flag(opts, "MaxDirectMemorySize") + THREADS * xss(opts) + (long) (heap * GC_OVERHEAD);
                String what = Manifests.id(w) + " heap=" + mib(heap) + " rocksdb=" + mib(rocksdb) + " native=" + mib(jvmNative)
                        + " limit=" + mib(limit);
                assertThat(heap + rocksdb + jvmNative).as(what).isLessThanOrEqualTo((long) (limit * MAX_SHARE_OF_LIMIT));
                assertThat(writeBuffers).as("memtables are charged to the block cache: %s", what).isLessThanOrEqualTo(cache / 2);
                assertThat(opts).contains("-XX:+ExitOnOutOfMemoryError");
                if (cache > 0) {
                    assertThat(WorkloadRulesTest.env(c, "MALLOC_ARENA_MAX")).isEqualTo("2");
                }
            }
        }
    }

    @Test
    void quantitiesParseLikeKubernetesAndTheBudgetCanFail() {
        assertThat(bytes("2Gi")).isEqualTo(2L << 30);
        assertThat(bytes("512Mi")).isEqualTo(512L << 20);
        assertThat(bytes("1536MiB")).isEqualTo(1536L << 20);
        assertThat(bytes("1G")).isEqualTo(1_000_000_000L);
        // A 75% heap next to a 1 GiB cache in 2 GiB overruns the budget.
        long limit = bytes("2Gi");
        long total = (long) (limit * 0.75) + (long) (bytes("1GiB") * 1.25);
        assertThat(total).isGreaterThan((long) (limit * MAX_SHARE_OF_LIMIT));
    }

    private static double percent(String opts, String flag) {
        Matcher m = Pattern.compile("-XX:" + flag + "=([0-9.]+)").matcher(opts);
        assertThat(m.find()).as("%s in %s", flag, opts).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static long flag(String opts, String flag) {
        Matcher m = Pattern.compile("-XX:" + flag + "=(\\S+)").matcher(opts);
        assertThat(m.find()).as("%s must be bounded in %s", flag, opts).isTrue();
        return bytes(m.group(1));
    }

    private static long xss(String opts) {
        Matcher m = Pattern.compile("-Xss(\\S+)").matcher(opts);
        return m.find() ? bytes(m.group(1)) : 1L << 20;
    }

    private static long optionalEnvBytes(JsonNode c, String name) {
        for (JsonNode e : c.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return bytes(e.path("value").asText());
            }
        }
        return 0;
    }

    /** Kubernetes quantities (Ki, Mi, Gi, k, M, G), JVM sizes (k, m, g) and agentdlp sizes (KiB, MiB, GiB). */
    static long bytes(String q) {
        Matcher m = Pattern.compile("([0-9]+)([A-Za-z]*)").matcher(q.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + q);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "" -> n;
            case "Ki", "KiB", "k", "K", "kb", "KB" -> n << 10;
            case "Mi", "MiB", "m", "MB" -> n << 20;
            case "Gi", "GiB", "g", "GB" -> n << 30;
            case "M" -> n * 1_000_000L;
            case "G" -> n * 1_000_000_000L;
            default -> throw new IllegalArgumentException("unknown unit in " + q.toLowerCase(Locale.ROOT));
        };
    }

    private static String mib(long b) {
        return (b >> 20) + "MiB";
    }
}
