package io.agentdlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The multi-broker cluster keeps every acknowledged record when a broker stops and returns. */
class KafkaTestClusterIT {

    @Test
    void acknowledgedRecordsSurviveABrokerStop() throws Exception {
        try (KafkaTestCluster cluster = KafkaTestCluster.start(3, Map.of("min.insync.replicas", "2"))) {
            try (Admin admin = cluster.admin()) {
                new TopicProvisioner(admin, TopicNames.defaults(), (short) 3).ensure(List.of(Topics.ALERTS));
            }
            Set<String> sent = new HashSet<>();
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"), new StringSerializer(), new StringSerializer())) {
                sendBatch(producer, 0, 200, sent);
                cluster.stopBroker(1);
                sendBatch(producer, 200, 400, sent);
                cluster.startBroker(1);
                sendBatch(producer, 400, 600, sent);
            }
            assertThat(readAll(cluster, "dlp-alerts", sent.size())).isEqualTo(sent);
        }
    }

    private static void sendBatch(KafkaProducer<String, String> producer, int from, int to, Set<String> sent)
            throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (int i = from; i < to; i++) {
            acks.add(producer.send(new ProducerRecord<>("dlp-alerts", "k" + i, "v" + i)));
        }
        for (int i = 0; i < acks.size(); i++) {
            acks.get(i).get();
            sent.add("v" + (from + i));
        }
    }

    private static Set<String> readAll(KafkaTestCluster cluster, String topic, int expected) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Set<String> seen = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> seen.add(r.value()));
            }
            return seen;
        }
    }
}
