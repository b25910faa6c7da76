package io.agentdlp.topology.deadletter;

import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.topology.DetectorFailedException;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * A record that makes a processor throw (a detector bug, an input no detector expected) goes to the
 * dead-letter topic with the original bytes of the source record and the failing detector's name;
 * processing continues with the next record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    public static final String DETECTOR_FAILED = "detector-failed";
    public static final String PROCESSING_FAILED = "processing-failed";

    private String topic;
    private DlpMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = DeadLetters.topic(configs);
        metrics = DeadLetters.metrics(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, Record<?, ?> record, Exception e) {
        String detector = e instanceof DetectorFailedException d ? d.detector() : null;
        String reason = detector != null ? DETECTOR_FAILED : PROCESSING_FAILED;
        Throwable cause = detector != null && e.getCause() != null ? e.getCause() : e;
        log.warn("event=dead_letter reason={} detector={} exception={} processor={} topic={} partition={} offset={}",
                reason, detector, cause.getClass().getName(), ctx.processorNodeId(), ctx.topic(), ctx.partition(),
                ctx.offset());
        log.debug("event=dead_letter_frames exception={} frames=\"{}\"", cause.getClass().getName(), DeadLetters.frames(cause));
        metrics.deadLettered(reason, detector == null ? "none" : detector);
        if ((ctx.sourceRawValue() == null && ctx.sourceRawKey() == null) || DeadLetters.fromGlobalThread(ctx)) {
            // A punctuation has no source record to keep; the global thread has no producer.
            return Response.resume();
        }
        return Response.resume(List.of(DeadLetters.record(topic, ctx.sourceRawKey(), ctx.sourceRawValue(), reason,
                cause, ctx.topic(), ctx.partition(), ctx.offset(), ctx.processorNodeId(), detector)));
    }
}
