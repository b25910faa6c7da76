package io.agentdlp.launcher.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class IndexProgressLineTest {
    @Test
    void rendersFilesMegabytesRateAndEta() {
        AtomicLong now = new AtomicLong();
        StringWriter out = new StringWriter();
        IndexProgressLine line = new IndexProgressLine(new PrintWriter(out), "shop", now::get);
        assertThat(line.render(10, 100, 5_000_000, 50_000_000, 2.0))
                .isEqualTo("indexing shop: 10/100 files, 5.0/50.0 MB, 2.5 MB/s, ETA 0:18");
        assertThat(line.render(0, 100, 0, 50_000_000, 0.0)).endsWith("ETA --:--");
        now.set(1_000_000_000L);
        line.progress(1, 3, 1_000_000, 3_000_000);
        now.addAndGet(10_000_000L);
        line.progress(2, 3, 2_000_000, 3_000_000);
        line.progress(3, 3, 3_000_000, 3_000_000);
        line.done();
        String[] redraws = out.toString().split("\r", -1);
        assertThat(redraws).hasSize(3); // the second update came within 200 ms and was skipped; the last always draws
        assertThat(redraws[2]).startsWith("indexing shop: 3/3 files").endsWith(System.lineSeparator());
    }

    @Test
    void parsesSizes() {
        assertThat(ByteSize.parse("--x", "512KB")).isEqualTo(512 * 1024);
        assertThat(ByteSize.parse("--x", "64m")).isEqualTo(64L << 20);
        assertThat(ByteSize.parse("--x", "1 GB")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("--x", "100")).isEqualTo(100);
        assertThatThrownBy(() -> ByteSize.parse("--block-cache", "0MB")).hasMessageContaining("invalid --block-cache '0MB'");
        assertThatThrownBy(() -> ByteSize.parse("--x", "lots")).isInstanceOf(IllegalArgumentException.class);
    }
}
