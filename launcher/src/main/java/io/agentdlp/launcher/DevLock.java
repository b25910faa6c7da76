package io.agentdlp.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock on the dev data directory, so a second {@code agentdlp dev} on the same
 * data says so clearly instead of failing on a locked Kafka log. The OS releases it if the process dies.
 */
final class DevLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DevLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DevLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("dev.lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l = ch.tryLock();
        if (l == null) {
            ch.close();
            throw new AlreadyRunningException("another 'agentdlp dev' is already running with data directory "
                    + dataDir + " (lock " + file + "); stop it first or pass --data-dir");
        }
        return new DevLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** A dev stack already holds the data directory. */
    static final class AlreadyRunningException extends IllegalStateException {
        AlreadyRunningException(String message) {
            super(message);
        }
    }
}
