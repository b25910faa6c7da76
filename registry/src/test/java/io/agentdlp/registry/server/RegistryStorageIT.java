package io.agentdlp.registry.server;

import static io.agentdlp.registry.server.RegistryClient.json;
import static io.agentdlp.registry.server.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agentdlp.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schemas topic as the registry's only state: Confluent's storage layout, restarts, a second
 * instance on the same topic, and concurrent writers on two instances.
 */
@ExtendWith(SharedKafka.class)
class RegistryStorageIT {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void broker(EmbeddedKafka shared) {
        kafka = shared;
    }

    private static SchemaRegistryServer start(String topic) {
        return SchemaRegistryServer.start(RegistryServerConfig.builder(kafka.bootstrapServers()).port(0).topic(topic).build());
    }

    private static String record(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
    }

    @Test
    void restartServesTheSameIdsAndNeverReusesThem() {
        String topic = "_schemas-restart";
        int a;
        int b;
        int hardDeleted;
        try (SchemaRegistryServer first = start(topic)) {
            RegistryClient c = new RegistryClient(first.url());
            c.put("/config/orders-value", "{\"compatibility\":\"NONE\"}");
            a = c.register("orders-value", record("A"));
            b = c.register("orders-value", record("B"));
            assertThat(c.register("payments-value", record("A"))).isEqualTo(a);
            c.put("/config", "{\"compatibility\":\"FORWARD\"}");
            c.delete("/subjects/orders-value/versions/1");
            hardDeleted = c.register("scratch-value", record("Scratch"));
            c.delete("/subjects/scratch-value");
            c.delete("/subjects/scratch-value?permanent=true");
        }
        try (SchemaRegistryServer second = start(topic)) {
            RegistryClient c = new RegistryClient(second.url());
            assertThat(c.get("/subjects").json()).isEqualTo(json("[\"orders-value\",\"payments-value\"]"));
            assertThat(c.get("/subjects/orders-value/versions").json()).isEqualTo(json("[2]"));
            assertThat(c.get("/subjects/orders-value/versions?deleted=true").json()).isEqualTo(json("[1,2]"));
            assertThat(c.get("/subjects/orders-value/versions/2").json().get("id").asInt()).isEqualTo(b);
            assertThat(c.get("/subjects/payments-value/versions/1").json().get("id").asInt()).isEqualTo(a);
            assertThat(c.get("/schemas/ids/" + a).json().get("schema").asText()).isEqualTo(record("A"));
            assertThat(c.get("/config/orders-value").json()).isEqualTo(json("{\"compatibilityLevel\":\"NONE\"}"));
            assertThat(c.get("/config").json()).isEqualTo(json("{\"compatibilityLevel\":\"FORWARD\"}"));
            assertThat(c.get("/schemas/ids/" + hardDeleted).status()).isEqualTo(404);
            assertThat(c.register("orders-value", record("B"))).isEqualTo(b);
            int fresh = c.register("orders-value", record("C"));
            assertThat(fresh).isGreaterThan(hardDeleted);
            assertThat(c.get("/subjects/orders-value/versions").json()).isEqualTo(json("[2,3]"));
        }
    }

    @Test
    void twoInstancesOnOneTopicServeTheSameIds() throws Exception {
        String topic = "_schemas-two";
        try (SchemaRegistryServer one = start(topic); SchemaRegistryServer two = start(topic)) {
            RegistryClient c1 = new RegistryClient(one.url());
            RegistryClient c2 = new RegistryClient(two.url());
            c1.put("/config", "{\"compatibility\":\"NONE\"}");
            int id = c1.register("shared-value", record("Shared"));
            // The second instance reads the log to its end on an unknown id, so it answers at once.
            assertThat(c2.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(record("Shared"));
            assertThat(c2.register("other-value", record("Shared"))).isEqualTo(id);
            assertThat(c2.register("shared-value", record("Shared"))).isEqualTo(id);
            int next = c2.register("shared-value", record("Next"));
            assertThat(next).isGreaterThan(id);
            awaitVersions(c1, "shared-value", "[1,2]");
            assertThat(c1.get("/subjects/shared-value/versions/2").json().get("id").asInt()).isEqualTo(next);
        }
    }

    @Test
    void concurrentWritersOnTwoInstancesNeverGiveOneIdToTwoSchemas() throws Exception {
        String topic = "_schemas-race";
        int perWriter = 12;
        try (SchemaRegistryServer one = start(topic); SchemaRegistryServer two = start(topic)) {
            RegistryClient c1 = new RegistryClient(one.url());
            RegistryClient c2 = new RegistryClient(two.url());
            c1.put("/config", "{\"compatibility\":\"NONE\"}");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Map<String, Integer>>> results = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    RegistryClient client = w % 2 == 0 ? c1 : c2;
                    String subject = w < 2 ? "race-value" : "race-" + w + "-value";
                    int writer = w;
                    results.add(pool.submit((Callable<Map<String, Integer>>) () -> {
                        Map<String, Integer> ids = new HashMap<>();
                        for (int i = 0; i < perWriter; i++) {
                            String name = "W" + writer + "N" + i;
                            RegistryClient.Response r = client.post("/subjects/" + subject + "/versions", schemaBody(
                                    "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[]}"));
                            assertThat(r.status()).as(r.body()).isEqualTo(200);
                            ids.put(name, r.json().get("id").asInt());
                        }
                        return ids;
                    }));
                }
                Map<String, Integer> all = new HashMap<>();
                for (Future<Map<String, Integer>> f : results) {
                    all.putAll(f.get());
                }
                assertThat(all).hasSize(4 * perWriter);
                assertThat(new HashSet<>(all.values())).as("one id per schema").hasSize(all.size());
                for (Map.Entry<String, Integer> e : all.entrySet()) {
                    String expected = "{\"type\":\"record\",\"name\":\"" + e.getKey() + "\",\"fields\":[]}";
                    for (RegistryClient c : List.of(c1, c2)) {
                        RegistryClient.Response r = c.get("/schemas/ids/" + e.getValue());
                        assertThat(r.status()).as("id %d of %s: %s", e.getValue(), e.getKey(), r.body()).isEqualTo(200);
                        assertThat(r.json().get("schema").asText()).isEqualTo(expected);
                    }
                }
                awaitVersions(c2, "race-value", c1.get("/subjects/race-value/versions").body());
                assertThat(c1.get("/subjects/race-value/versions").json()).hasSize(2 * perWriter);
            } finally {
                pool.shutdownNow();
            }
        }
        // A restart rebuilds exactly what both instances served.
        try (SchemaRegistryServer again = start(topic)) {
            assertThat(new RegistryClient(again.url()).get("/subjects/race-value/versions").json()).hasSize(2 * perWriter);
        }
    }

    private static void awaitVersions(RegistryClient client, String subject, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!client.get("/subjects/" + subject + "/versions").body().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(client.get("/subjects/" + subject + "/versions").json()).isEqualTo(json(expected));
    }

    @Test
    void theTopicIsCompactedWithOnePartitionAndHoldsConfluentsLayout() throws Exception {
        String topic = "_schemas-layout";
        int id;
        try (SchemaRegistryServer server = start(topic)) {
            RegistryClient c = new RegistryClient(server.url());
            id = c.register("layout-value", "\"string\"");
            c.put("/config/layout-value", "{\"compatibility\":\"FULL\"}");
            c.delete("/subjects/layout-value");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
        List<String[]> records = readAll(topic);
        assertThat(records).extracting(r -> r[0]).containsExactly(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"layout-value\",\"version\":1,\"magic\":1}",
                "{\"keytype\":\"CONFIG\",\"subject\":\"layout-value\",\"magic\":0}",
                "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"layout-value\",\"magic\":0}");
        assertThat(json(records.get(0)[1])).isEqualTo(json(
                "{\"subject\":\"layout-value\",\"version\":1,\"id\":" + id + ",\"schema\":\"\\\"string\\\"\",\"deleted\":false}"));
        assertThat(json(records.get(1)[1])).isEqualTo(json("{\"compatibilityLevel\":\"FULL\"}"));
        assertThat(json(records.get(2)[1])).isEqualTo(json("{\"subject\":\"layout-value\",\"version\":1}"));
    }

    @Test
    void recordsWrittenByConfluentsRegistryAreServed() throws Exception {
        String topic = "_schemas-confluent";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        // As Confluent Schema Registry writes them, including the older null-subject global config key,
        // a NOOP without value, a MODE record and a deleted-then-registered id.
        produce(topic, List.of(
                new String[] {"{\"keytype\":\"NOOP\",\"magic\":0}", null},
                new String[] {"{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}"},
                new String[] {"{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}", "{\"mode\":\"READWRITE\"}"},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"legacy-value\",\"version\":1,\"magic\":1}",
                        "{\"subject\":\"legacy-value\",\"version\":1,\"id\":41,\"schema\":\"\\\"string\\\"\",\"deleted\":false}"},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"legacy-value\",\"version\":2,\"magic\":1}",
                        "{\"subject\":\"legacy-value\",\"version\":2,\"id\":42,\"schema\":\"\\\"long\\\"\",\"deleted\":false}"},
                new String[] {"{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"legacy-value\",\"magic\":0}",
                        "{\"subject\":\"legacy-value\",\"version\":1}"},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"clash-value\",\"version\":1,\"magic\":1}",
                        "{\"subject\":\"clash-value\",\"version\":1,\"id\":42,\"schema\":\"\\\"int\\\"\",\"deleted\":false}"},
                new String[] {"not json", "{}"}));
        try (SchemaRegistryServer server = start(topic)) {
            RegistryClient c = new RegistryClient(server.url());
            assertThat(c.get("/config").json()).isEqualTo(json("{\"compatibilityLevel\":\"FULL\"}"));
            assertThat(c.get("/subjects/legacy-value/versions").json()).isEqualTo(json("[2]"));
            assertThat(c.get("/subjects/legacy-value/versions?deleted=true").json()).isEqualTo(json("[1,2]"));
            assertThat(c.get("/schemas/ids/41").json()).isEqualTo(json("{\"schema\":\"\\\"string\\\"\"}"));
            // Id 42 already meant "long": the later record claiming it for "int" is ignored, as Confluent does.
            assertThat(c.get("/schemas/ids/42").json()).isEqualTo(json("{\"schema\":\"\\\"long\\\"\"}"));
            assertThat(c.get("/subjects/clash-value/versions").status()).isEqualTo(404);
            assertThat(c.register("new-value", "\"double\"")).isEqualTo(43);
        }
    }

    private static void produce(String topic, List<String[]> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (String[] r : records) {
                producer.send(new ProducerRecord<>(topic, 0, r[0].getBytes(StandardCharsets.UTF_8),
                        r[1] == null ? null : r[1].getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private static List<String[]> readAll(String topic) {
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            List<String[]> out = new ArrayList<>();
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(new String[] {new String(r.key(), StandardCharsets.UTF_8),
                            r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)});
                }
            }
            return out;
        }
    }
}
