package io.agentdlp.launcher.index;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.detection.fingerprint.sourcetree.IndexListener;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes what an index run writes to the compacted {@code dlp-code-index} topic: a record per
 * added or replaced file, a tombstone per removed file, keyed {@code <repo>\0<source_path>}. Sends are
 * asynchronous; {@link #finish()} flushes and reports the first failure.
 */
public final class CodeIndexPublisher implements IndexListener {
    private final Producer<String, CodeIndexRecord> producer;
    private final String topic;
    private final Clock clock;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong tombstones = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public CodeIndexPublisher(Producer<String, CodeIndexRecord> producer, String topic, Clock clock) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void written(IndexedDocument document) {
        publish(document);
    }

    /** Publishes {@code document} (also used to republish unchanged files with --publish-all). */
    public void publish(IndexedDocument document) {
        send(CodeIndexCodec.key(document), CodeIndexRecords.toRecord(document, clock.instant()));
        records.incrementAndGet();
    }

    @Override
    public void removed(String repo, String sourcePath) {
        send(CodeIndexCodec.key(repo, sourcePath), null);
        tombstones.incrementAndGet();
    }

    private void send(String key, CodeIndexRecord value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Waits for every send; throws {@link PublishException} when one failed. */
    public void finish() {
        producer.flush();
        Exception e = failure.get();
        if (e != null) {
            throw new PublishException("publishing to " + topic + " failed after " + (records.get() + tombstones.get())
                    + " record(s): " + e.getMessage(), e);
        }
    }

    public long records() {
        return records.get();
    }

    public long tombstones() {
        return tombstones.get();
    }

    /** A record could not be written to the code-index topic. */
    public static final class PublishException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
