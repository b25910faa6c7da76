package io.agentdlp.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import io.agentdlp.avro.AgentEgressEvent;

/**
 * Event time from {@code event_time} (when the agent did it), so windows, TTLs and sequences follow
 * what happened, not when the sensor managed to deliver it; replays give the same result. Falls back
 * to the record timestamp, then to the partition's time, for anything else.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof AgentEgressEvent e && e.getEventTime() != null) {
            long t = e.getEventTime().toEpochMilli();
            if (t >= 0) {
                return t;
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
