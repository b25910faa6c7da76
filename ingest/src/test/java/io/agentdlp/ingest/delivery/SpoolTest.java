package io.agentdlp.ingest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    private SpoolConfig small(SpoolConfig.WhenFull whenFull, long maxBytes) {
        return new SpoolConfig(dir, 1024, maxBytes, FsyncPolicy.never(), whenFull);
    }

    private static byte[] rec(int i) {
        return ("record-" + i + "-" + "x".repeat(90)).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> drain(Spool s) throws IOException {
        List<String> out = new ArrayList<>();
        while (true) {
            SpoolBatch b = s.read(7, 1 << 20);
            if (b.isEmpty() && b.skipped() == 0) {
                return out;
            }
            for (byte[] r : b.records()) {
                out.add(new String(r, StandardCharsets.UTF_8).split("-x")[0]);
            }
            s.commit(b);
        }
    }

    private static List<String> names(int from, int to) {
        List<String> n = new ArrayList<>();
        for (int i = from; i < to; i++) {
            n.add(new String(rec(i), StandardCharsets.UTF_8).split("-x")[0]);
        }
        return n;
    }

    private long segmentFiles() throws IOException {
        try (Stream<Path> f = Files.list(dir)) {
            return f.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }

    @Test
    void readsInAppendOrderAcrossSegmentsAndDeletesDeliveredOnes() throws IOException {
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20))) {
            for (int i = 0; i < 50; i++) {
                s.append(List.of(rec(i)));
            }
            assertThat(segmentFiles()).isGreaterThan(3);
            assertThat(s.stats().pendingRecords()).isEqualTo(50);

            assertThat(drain(s)).isEqualTo(names(0, 50));

            assertThat(s.stats().pendingRecords()).isZero();
            assertThat(s.stats().delivered()).isEqualTo(50);
            assertThat(segmentFiles()).isEqualTo(1);
        }
    }

    @Test
    void uncommittedBatchesAreReadAgain() throws IOException {
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20))) {
            s.append(List.of(rec(0), rec(1), rec(2)));
            SpoolBatch first = s.read(2, 1 << 20);
            SpoolBatch again = s.read(2, 1 << 20);
            assertThat(again.firstSeq()).isEqualTo(first.firstSeq());
            assertThat(again.records()).hasSize(2);
            s.commit(again);
            assertThat(s.read(10, 1 << 20).records()).hasSize(1);
        }
    }

    @Test
    void reopeningResumesAtTheCommittedCursor() throws IOException {
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20))) {
            for (int i = 0; i < 30; i++) {
                s.append(List.of(rec(i)));
            }
            SpoolBatch b = s.read(12, 1 << 20);
            s.commit(b);
        }
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20))) {
            assertThat(s.stats().pendingRecords()).isEqualTo(18);
            s.append(List.of(rec(30)));
            assertThat(drain(s)).isEqualTo(names(12, 31));
        }
    }

    @Test
    void aTornLastWriteIsCutAndAppendsContinueAfterValidData() throws IOException {
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20))) {
            s.append(List.of(rec(0), rec(1)));
        }
        Path seg;
        try (Stream<Path> f = Files.list(dir)) {
            seg = f.filter(p -> p.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        long before = Files.size(seg);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 'p', 'a', 'r'})); // frame cut mid-payload
        }
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20))) {
            assertThat(Files.size(seg)).isEqualTo(before);
            assertThat(s.stats().pendingRecords()).isEqualTo(2);
            s.append(List.of(rec(2)));
            assertThat(drain(s)).isEqualTo(names(0, 3));
            assertThat(s.stats().corrupt()).isZero();
        }
    }

    @Test
    void aCorruptFrameSkipsTheRestOfItsSegmentAndIsCounted() throws IOException {
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20))) {
            for (int i = 0; i < 30; i++) {
                s.append(List.of(rec(i)));
            }
        }
        Path first;
        try (Stream<Path> f = Files.list(dir)) {
            first = f.filter(p -> p.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(first, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'#'}), Spool.HEADER_BYTES + Spool.FRAME_OVERHEAD + 120 + Spool.FRAME_OVERHEAD + 3);
        }
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20))) {
            List<String> got = drain(s);
            assertThat(got.get(0)).isEqualTo("record-0");
            assertThat(got).doesNotContain("record-1");
            assertThat(got.get(got.size() - 1)).isEqualTo("record-29");
            assertThat(s.stats().corrupt()).isEqualTo(30 - got.size());
            assertThat(s.stats().pendingRecords()).isZero();
        }
    }

    @Test
    void aFullSpoolRejectsNewRecordsAndCountsThem() throws IOException {
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 2048))) {
            int accepted = 0;
            for (int i = 0; i < 40; i++) {
                try {
                    s.append(List.of(rec(i)));
                    accepted++;
                } catch (SpoolFullException e) {
                    assertThat(e.getMessage()).startsWith("spool full: ");
                }
            }
            assertThat(accepted).isBetween(10, 20);
            assertThat(s.stats().rejected()).isEqualTo(40 - accepted);
            assertThat(s.stats().bytesOnDisk()).isLessThanOrEqualTo(2048);
            assertThat(drain(s)).isEqualTo(names(0, accepted));
        }
    }

    @Test
    void dropOldestKeepsTheNewestAndCountsWhatWasLost() throws IOException {
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.DROP_OLDEST, 3072))) {
            for (int i = 0; i < 60; i++) {
                s.append(List.of(rec(i)));
            }
            SpoolStats st = s.stats();
            assertThat(st.dropped()).isPositive();
            assertThat(st.rejected()).isZero();
            assertThat(st.bytesOnDisk()).isLessThanOrEqualTo(3072);
            List<String> got = drain(s);
            assertThat(got).hasSize((int) (60 - st.dropped()));
            assertThat(got).isEqualTo(names((int) st.dropped(), 60));
        }
    }

    @Test
    void oneSpoolDirectoryOpensOnce() throws IOException {
        try (Spool s = Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20))) {
            assertThatThrownBy(() -> Spool.open(small(SpoolConfig.WhenFull.REJECT_NEW, 1 << 20)))
                    .isInstanceOf(IOException.class).hasMessageContaining("already open");
        }
    }

    @Test
    void fsyncPolicies() throws IOException {
        assertThat(FsyncPolicy.parse("always").mode()).isEqualTo(FsyncPolicy.Mode.ALWAYS);
        assertThat(FsyncPolicy.parse("200ms")).isEqualTo(FsyncPolicy.every(Duration.ofMillis(200)));
        assertThat(FsyncPolicy.parse("2s").interval()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> FsyncPolicy.parse("sometimes")).isInstanceOf(IllegalArgumentException.class);
        for (FsyncPolicy p : List.of(FsyncPolicy.always(), FsyncPolicy.every(Duration.ofMillis(10)))) {
            Path d = dir.resolve(p.mode().name());
            try (Spool s = Spool.open(new SpoolConfig(d, 1024, 1 << 20, p, SpoolConfig.WhenFull.REJECT_NEW))) {
                s.append(List.of(rec(1)));
            }
            try (Spool s = Spool.open(new SpoolConfig(d, 1024, 1 << 20, p, SpoolConfig.WhenFull.REJECT_NEW))) {
                assertThat(s.stats().pendingRecords()).isEqualTo(1);
            }
        }
    }
}
