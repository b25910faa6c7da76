package io.agentdlp.registry.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's only state: the single-partition compacted schemas topic. A reader thread consumes
 * it from the beginning, forever, into {@link RegistryState}; writes go through an idempotent
 * {@code acks=all} producer, and callers wait until the reader has applied their record
 * (read-your-writes), or until it has reached the end of the log (to see other instances' writes).
 */
final class SchemasTopic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemasTopic.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final TopicPartition partition;
    private final RegistryState state;
    private final Admin admin;
    private final Producer<byte[], byte[]> producer;
    private final Consumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private long position;
    private volatile boolean closing;

    private SchemasTopic(String topic, RegistryState state, Admin admin, Producer<byte[], byte[]> producer,
                         Consumer<byte[], byte[]> consumer) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.state = state;
        this.admin = admin;
        this.producer = producer;
        this.consumer = consumer;
        this.reader = new Thread(this::readForever, "agentdlp-registry-reader-" + topic);
        this.reader.setDaemon(true);
    }

    /**
     * Creates the topic when missing, checks it has one partition and compaction, then reads it to
     * its end before returning.
     *
     * @throws RegistryStartupException when the topic cannot be created, has the wrong layout, or
     *                                  cannot be read within the configured time
     */
    static SchemasTopic open(RegistryServerConfig config, RegistryState state) {
        Map<String, Object> common = new HashMap<>(config.kafkaClientProperties());
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        Admin admin = Admin.create(withClientId(common, "agentdlp-registry-admin"));
        Producer<byte[], byte[]> producer = null;
        Consumer<byte[], byte[]> consumer = null;
        try {
            provision(admin, config);
            producer = new KafkaProducer<>(producerProperties(common, config));
            consumer = new KafkaConsumer<>(consumerProperties(common));
        } catch (RuntimeException e) {
            if (consumer != null) {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            admin.close(Duration.ofSeconds(5));
            throw startupFailure(config, e);
        }
        SchemasTopic schemas = new SchemasTopic(config.topic(), state, admin, producer, consumer);
        try {
            schemas.startReading(config.initTimeout());
            return schemas;
        } catch (RuntimeException e) {
            schemas.close();
            throw startupFailure(config, e);
        }
    }

    private static RegistryStartupException startupFailure(RegistryServerConfig config, RuntimeException e) {
        return e instanceof RegistryStartupException startup ? startup
                : new RegistryStartupException("cannot open schemas topic " + config.topic() + ": " + e.getMessage(), e);
    }

    private static void provision(Admin admin, RegistryServerConfig config) {
        String topic = config.topic();
        try {
            short rf = config.replicationFactor() > 0 ? (short) config.replicationFactor()
                    : (short) Math.min(3, admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).size());
            new TopicProvisioner(admin, new TopicNames(Map.of(Topics.SCHEMAS.nameProperty(), topic)), rf)
                    .ensure(List.of(Topics.SCHEMAS));
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
            if (description.partitions().size() != 1) {
                throw new RegistryStartupException("schemas topic " + topic + " has " + description.partitions().size()
                        + " partitions; it must have exactly 1 (ids are assigned in log order)");
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config topicConfig = admin.describeConfigs(List.of(resource)).all()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource);
            String policy = topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (policy == null || !policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                throw new RegistryStartupException("schemas topic " + topic + " has cleanup.policy=" + policy
                        + "; it must be compacted or schemas would expire");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryStartupException("interrupted while checking schemas topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RegistryStartupException("cannot check schemas topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> withClientId(Map<String, Object> common, String clientId) {
        Map<String, Object> props = new HashMap<>(common);
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    private static Map<String, Object> producerProperties(Map<String, Object> common, RegistryServerConfig config) {
        Map<String, Object> p = withClientId(common, "agentdlp-registry-writer");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long timeoutMs = config.writeTimeout().toMillis();
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeoutMs));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeoutMs));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    private static Map<String, Object> consumerProperties(Map<String, Object> common) {
        Map<String, Object> p = withClientId(common, "agentdlp-registry-reader");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }

    private void startReading(Duration initTimeout) {
        long t0 = System.nanoTime();
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        reader.start();
        try {
            catchUp(initTimeout);
        } catch (RegistryError e) {
            throw new RegistryStartupException("schemas topic " + topic + " was not read to its end within "
                    + initTimeout.toMillis() + " ms: " + e.getMessage(), e);
        }
        log.info("event=schemas_loaded topic={} offset={} subjects={} maxId={} ms={}", topic, appliedPosition(),
                state.subjects(true).size(), state.maxId(), (System.nanoTime() - t0) / 1_000_000);
    }

    private void readForever() {
        try {
            while (!closing) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    long next = consumer.position(partition);
                    synchronized (progress) {
                        position = next;
                        progress.notifyAll();
                    }
                } catch (WakeupException e) {
                    if (!closing) {
                        log.warn("event=schemas_reader_unexpected_wakeup topic={}", topic);
                    }
                } catch (KafkaException e) {
                    log.warn("event=schemas_reader_error topic={} error={}", topic, e.toString());
                    pause();
                }
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            log.warn("event=schemas_record_skipped topic={} offset={} reason=null_key", topic, record.offset());
            return;
        }
        try {
            SchemaLogCodec.decode(record.key(), record.value()).ifPresent(state::apply);
        } catch (SchemaLogCodec.MalformedLogRecordException e) {
            log.warn("event=schemas_record_skipped topic={} offset={} reason={}", topic, record.offset(), e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    /** Offset of the next record the reader will apply. */
    long appliedPosition() {
        synchronized (progress) {
            return position;
        }
    }

    /**
     * Waits until the reader has applied every record written before this call, whoever wrote it.
     *
     * @throws RegistryError 50002 when the end is not reached in time, 50001 when it cannot be queried
     */
    void catchUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long end = endOffset(deadline);
        if (end > 0) {
            awaitApplied(end - 1, deadline);
        }
    }

    private long endOffset(long deadline) {
        while (true) {
            try {
                long remainingMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                        .get(remainingMs, TimeUnit.MILLISECONDS).offset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryError.storeError("Interrupted while reading the end of the schemas topic", e);
            } catch (TimeoutException e) {
                throw RegistryError.timeout("Timed out reading the end of the schemas topic", e);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw RegistryError.storeError("Cannot read the end of the schemas topic: " + e.getCause(), e);
                }
                sleepBriefly();
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("Interrupted while reading the schemas topic", e);
        }
    }

    /** One record to append; a null value is a tombstone. */
    record Write(byte[] key, byte[] value) {
    }

    /**
     * Appends one record and waits until the reader has applied it.
     *
     * @param value null writes a tombstone
     * @return the record's offset
     */
    long write(byte[] key, byte[] value, Duration timeout) {
        return writeAll(List.of(new Write(key, value)), timeout);
    }

    /**
     * Appends records in order and waits until the reader has applied the last one.
     *
     * @return the last record's offset
     */
    long writeAll(List<Write> writes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long offset = -1;
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>(writes.size());
            for (Write w : writes) {
                sent.add(producer.send(new ProducerRecord<>(topic, 0, w.key(), w.value())));
            }
            for (Future<RecordMetadata> f : sent) {
                long remainingMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                offset = Math.max(offset, f.get(remainingMs, TimeUnit.MILLISECONDS).offset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("Interrupted while writing to the schemas topic", e);
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            throw RegistryError.timeout("Write to the schemas topic timed out", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw RegistryError.schemaTooLarge();
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw RegistryError.timeout("Write to the schemas topic timed out", e.getCause());
            }
            throw RegistryError.storeError("Write to the schemas topic failed: " + e.getCause(), e.getCause());
        } catch (KafkaException e) {
            throw RegistryError.storeError("Write to the schemas topic failed: " + e, e);
        }
        awaitApplied(offset, deadline);
        return offset;
    }

    private void awaitApplied(long offset, long deadline) {
        synchronized (progress) {
            while (position <= offset) {
                long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMs <= 0 || closing) {
                    throw RegistryError.timeout("Timed out waiting for the schemas topic reader to reach offset "
                            + offset + " (at " + position + ")", null);
                }
                try {
                    progress.wait(remainingMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryError.storeError("Interrupted while waiting for the schemas topic reader", e);
                }
            }
        }
    }

    String topic() {
        return topic;
    }

    @Override
    public void close() {
        closing = true;
        if (reader.getState() == Thread.State.NEW) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        } else {
            // The consumer belongs to the reader thread, which closes it on its way out.
            consumer.wakeup();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (progress) {
            progress.notifyAll();
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
