package io.agentdlp.alerts.sink.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;

/**
 * OCSF records (alert findings or audit-trail activities) as JSON lines in a file that rolls by size: when a batch would take the file past
 * {@code maxBytes}, {@code file} becomes {@code file.1}, {@code file.1} becomes {@code file.2} and so
 * on; at most {@code maxFiles} rolled files are kept. Each batch is forced to disk before its offsets
 * are committed.
 */
public final class OcsfFileSink<T> implements Sink<T> {
    private final String name;
    private final Function<? super T, ? extends JsonNode> ocsf;
    private final Path file;
    private final long maxBytes;
    private final int maxFiles;

    public OcsfFileSink(String name, Function<? super T, ? extends JsonNode> ocsf, Path file, long maxBytes, int maxFiles) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("sink " + name + ": max-bytes must be >= 1024");
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("sink " + name + ": max-files must be >= 1");
        }
        this.name = name;
        this.ocsf = ocsf;
        this.file = file.toAbsolutePath();
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "ocsf-file";
    }

    @Override
    public int maxBatch() {
        return 200;
    }

    @Override
    public DeliveryResult deliver(List<T> batch) throws SinkException {
        byte[] bytes = JsonLines.of(batch, ocsf);
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > 0 && Files.size(file) + bytes.length > maxBytes) {
                roll();
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(false);
            }
            return DeliveryResult.ok();
        } catch (IOException e) {
            throw new SinkException("cannot write " + file + ": " + e.getClass().getSimpleName(), true, null, e);
        }
    }

    private void roll() throws IOException {
        Files.deleteIfExists(rolled(maxFiles));
        for (int i = maxFiles - 1; i >= 1; i--) {
            if (Files.exists(rolled(i))) {
                Files.move(rolled(i), rolled(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rolled(1), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path rolled(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }
}
