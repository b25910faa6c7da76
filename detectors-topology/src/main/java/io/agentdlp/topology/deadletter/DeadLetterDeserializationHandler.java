package io.agentdlp.topology.deadletter;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * A record that cannot be deserialized (not Avro, unknown schema id, truncated) goes to the
 * dead-letter topic with its original bytes; processing continues. Under exactly-once the
 * dead-letter record commits in the same transaction as the input offset. Records of the global
 * topics (policies, code index) are skipped, logged and counted ({@code reason=deserialization-failed-global}):
 * the global thread cannot write dead letters.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    public static final String REASON = "deserialization-failed";

    private String topic;
    private DlpMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = DeadLetters.topic(configs);
        metrics = DeadLetters.metrics(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> record, Exception e) {
        log.warn("event=dead_letter reason={} exception={} topic={} partition={} offset={}", REASON,
                e.getClass().getName(), record.topic(), record.partition(), record.offset());
        if (DeadLetters.fromGlobalThread(ctx)) {
            metrics.deadLettered(REASON + "-global", "none");
            return Response.resume();
        }
        metrics.deadLettered(REASON, "none");
        return Response.resume(List.of(DeadLetters.record(topic, record.key(), record.value(), REASON, e,
                record.topic(), record.partition(), record.offset(), ctx.processorNodeId(), null)));
    }
}
