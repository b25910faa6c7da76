package io.agentdlp.alerts.sink;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes an alert a sink gave up on to {@code dlp-dead-letter}: the original key and value bytes
 * unchanged (still Confluent-wire Avro, so it can be replayed onto dlp-alerts) and headers naming the
 * component, the reason (never payload content), the exception class, the number of attempts and the
 * source topic/partition/offset. The send is acknowledged before the caller commits the source offset.
 */
public final class DeadLetterPublisher {
    /** Header names written on each dead-lettered record. */
    public static final String REASON = "dlp.dlq.reason";
    public static final String EXCEPTION = "dlp.dlq.exception";
    public static final String COMPONENT = "dlp.dlq.component";
    public static final String ATTEMPTS = "dlp.dlq.attempts";
    public static final String SOURCE_TOPIC = "dlp.dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlp.dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlp.dlq.source.offset";

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * Publishes and waits for the broker's acknowledgement.
     *
     * @throws DeadLetterException when the record could not be written
     */
    public void publish(ConsumerRecord<byte[], byte[]> source, String component, String reason,
                        String exceptionClass, int attempts) {
        RecordHeaders h = new RecordHeaders();
        source.headers().forEach(h::add);
        h.add(COMPONENT, utf8(component));
        h.add(REASON, utf8(reason));
        if (exceptionClass != null) {
            h.add(EXCEPTION, utf8(exceptionClass));
        }
        h.add(ATTEMPTS, utf8(Integer.toString(attempts)));
        h.add(SOURCE_TOPIC, utf8(source.topic()));
        h.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
        h.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
        try {
            producer.send(new ProducerRecord<>(topic, null, source.key(), source.value(), h)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException("interrupted while dead-lettering " + source.topic() + "-"
                    + source.partition() + "@" + source.offset(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterException("cannot dead-letter " + source.topic() + "-" + source.partition() + "@"
                    + source.offset() + " to " + topic + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The dead-letter topic did not accept a record. */
    public static final class DeadLetterException extends RuntimeException {
        DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
