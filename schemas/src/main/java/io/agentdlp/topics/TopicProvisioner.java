package io.agentdlp.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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

    /** Creates missing topics among {@code specs}; returns the names it created. */
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
