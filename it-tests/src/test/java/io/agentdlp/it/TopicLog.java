package io.agentdlp.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Everything committed to one topic since the log was opened from the beginning: a read_committed
 * consumer without a group (assigned to every partition), polled by the test thread on demand.
 */
final class TopicLog<K, V> implements AutoCloseable {
    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> records = new ArrayList<>();

    TopicLog(Map<String, Object> clientConfig, String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> c = new HashMap<>(clientConfig);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(c, keys, values);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Reads what is available now and returns every record read so far. */
    synchronized List<ConsumerRecord<K, V>> poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return List.copyOf(records);
    }

    /** Polls until every partition is read up to its last committed offset at the time of the call. */
    List<ConsumerRecord<K, V>> readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end;
        synchronized (this) {
            end = consumer.endOffsets(consumer.assignment());
        }
        Await.until("end of " + end.keySet(), timeout, () -> {
            poll();
            synchronized (this) {
                return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        });
        return poll();
    }

    /** Values read so far. */
    List<V> values() {
        return poll().stream().map(ConsumerRecord::value).toList();
    }

    /** Polls until the records read so far satisfy {@code condition}. */
    List<ConsumerRecord<K, V>> awaitRecords(String what, Duration timeout, Predicate<List<ConsumerRecord<K, V>>> condition) {
        Await.until(what, timeout, () -> condition.test(poll()));
        return poll();
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
