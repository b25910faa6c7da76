package io.agentdlp.topology.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * Builds dead-letter records: the original key and value bytes, unchanged, with headers naming the
 * reason, the exception class and where the record came from. Exception messages and stack traces
 * are deliberately left out: they may quote the payload.
 */
public final class DeadLetters {
    /** Streams config key of the dead-letter topic name (set by the topology's Streams settings). */
    public static final String TOPIC_CONFIG = "agentdlp.dead.letter.topic";
    /** Streams config key holding the {@link DlpMetrics} instance. */
    public static final String METRICS_CONFIG = "agentdlp.metrics";

    public static final String REASON = "dlp.dlq.reason";
    public static final String EXCEPTION_CLASS = "dlp.dlq.exception.class";
    public static final String SOURCE_TOPIC = "dlp.dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlp.dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlp.dlq.source.offset";
    public static final String PROCESSOR = "dlp.dlq.processor";
    public static final String DETECTOR = "dlp.dlq.detector";

    private DeadLetters() {
    }

    static ProducerRecord<byte[], byte[]> record(String dlqTopic, byte[] key, byte[] value, String reason, Throwable e,
                                                 String topic, int partition, long offset, String processor, String detector) {
        Headers h = new RecordHeaders();
        put(h, REASON, reason);
        put(h, EXCEPTION_CLASS, e.getClass().getName());
        put(h, SOURCE_TOPIC, topic);
        put(h, SOURCE_PARTITION, String.valueOf(partition));
        put(h, SOURCE_OFFSET, String.valueOf(offset));
        if (processor != null) {
            put(h, PROCESSOR, processor);
        }
        if (detector != null) {
            put(h, DETECTOR, detector);
        }
        return new ProducerRecord<>(dlqTopic, null, null, key, value, h);
    }

    private static void put(Headers h, String k, String v) {
        if (v != null) {
            h.add(k, v.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Where an exception was thrown: its first stack frames (never its message, which may quote input). */
    static String frames(Throwable t) {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(12, st.length); i++) {
            b.append(i == 0 ? "" : " < ").append(st[i].getClassName()).append('.').append(st[i].getMethodName())
                    .append(':').append(st[i].getLineNumber());
        }
        return b.toString();
    }

    /**
     * True for records of the global thread (policies, code index): it has no producer, so a handler
     * there logs and counts but cannot write dead letters.
     */
    static boolean fromGlobalThread(org.apache.kafka.streams.errors.ErrorHandlerContext ctx) {
        return ctx.taskId() == null || ctx.taskId().subtopology() < 0;
    }

    static String topic(Map<String, ?> configs) {
        Object t = configs.get(TOPIC_CONFIG);
        if (t == null) {
            throw new IllegalStateException("Streams config " + TOPIC_CONFIG + " is not set");
        }
        return t.toString();
    }

    static DlpMetrics metrics(Map<String, ?> configs) {
        Object m = configs.get(METRICS_CONFIG);
        return m instanceof DlpMetrics dm ? dm : DlpMetrics.detached();
    }
}
