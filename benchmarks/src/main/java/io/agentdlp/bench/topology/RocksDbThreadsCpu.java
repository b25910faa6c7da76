package io.agentdlp.bench.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU of RocksDB's background threads (flushes and compactions; native threads the JVM does not list),
 * read from {@code /proc/self/task/<tid>/stat}, whose name RocksDB sets to {@code rocksdb:<pool>}.
 * Ticks of the kernel's clock (USER_HZ, 100 per second on Linux): a window of seconds resolves it.
 */
final class RocksDbThreadsCpu {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private RocksDbThreadsCpu() {
    }

    /** User and system ticks of every live RocksDB thread of this process (0 where /proc is missing). */
    static long ticks() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long sum = 0;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) list::iterator) {
                sum += rocksDbTicks(t.resolve("stat"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + tasks, e);
        }
        return sum;
    }

    static long nanos(long ticks) {
        return ticks * NANOS_PER_TICK;
    }

    private static long rocksDbTicks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return 0; // the thread ended between the listing and the read
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || !line.substring(open + 1, close).startsWith("rocksdb")) {
            return 0;
        }
        // Fields after the name: state is field 3, utime 14 and stime 15 (proc(5)).
        String[] f = line.substring(close + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
