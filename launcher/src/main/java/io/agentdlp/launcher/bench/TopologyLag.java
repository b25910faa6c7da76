package io.agentdlp.launcher.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far the topology's consumer group is behind the end of the events topic, so steps start from an empty backlog. */
final class TopologyLag implements AutoCloseable {
    private final Admin admin;
    private final String groupId;
    private final String topic;

    TopologyLag(String bootstrap, String groupId, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "agentdlp-bench-lag"));
        this.groupId = groupId;
        this.topic = topic;
    }

    /** Events not yet committed by the topology. */
    long lag() throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> parts = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> end = admin.listOffsets(parts.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition p : parts) {
            OffsetAndMetadata c = committed.get(p);
            lag += end.get(p) - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** Waits until the lag is zero or {@code max} passed; returns the last lag seen. */
    long awaitDrained(Duration max) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + max.toNanos();
        long lag = lag();
        while (lag > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            lag = lag();
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
