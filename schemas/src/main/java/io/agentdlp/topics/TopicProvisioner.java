package io.agentdlp.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the registry's topics that do not exist yet, with their partitions and configs. */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final TopicNames names;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, TopicNames names, short replicationFactor) {
        this.admin = admin;
        this.names = names;
        this.replicationFactor = replicationFactor;
    }

    /**
     * A created topic is not at once described by every broker: callers that describe or use it right
     * away got UnknownTopicOrPartition. Wait (bounded) until its metadata is served.
     */
    private void awaitVisible(List<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!topics.isEmpty()) {
            try {
                admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Creates missing topics among {@code specs}; returns the names it created, once brokers serve them. */
    public List<String> ensure(List<TopicSpec<?, ?>> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec<?, ?> spec : specs) {
                String name = names.name(spec);
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, spec.partitions(), replicationFactor).configs(spec.configs()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            List<String> created = missing.stream().map(NewTopic::name).toList();
            awaitVisible(created);
            created.forEach(t -> log.info("event=topic_created topic={}", t));
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TopicProvisioningException("cannot create topics: " + e.getMessage(), e);
        }
    }
}
