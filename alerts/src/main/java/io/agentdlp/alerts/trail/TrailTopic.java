package io.agentdlp.alerts.trail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trail topic ({@code agent-audit-trail} by default): keyed by session, JSON OCSF values,
 * {@code cleanup.policy=delete} with {@code retention.ms} from the policy. Created with as many
 * partitions as the events topic; an existing topic gets its retention brought in line with the policy.
 */
public final class TrailTopic {
    private static final Logger log = LoggerFactory.getLogger(TrailTopic.class);

    private TrailTopic() {
    }

    /** Creates the topic or aligns its retention; fails with context when Kafka refuses. */
    public static void ensure(Admin admin, String name, String eventsTopic, Duration retention, short replication) {
        String retentionMs = String.valueOf(retention.toMillis());
        try {
            int partitions = partitions(admin, eventsTopic).orElse(6);
            try {
                admin.createTopics(List.of(new NewTopic(name, partitions, replication).configs(Map.of(
                        "cleanup.policy", "delete", "retention.ms", retentionMs)))).all().get();
                log.info("event=trail_topic_created topic={} partitions={} retention_ms={}", name, partitions, retentionMs);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new TrailException("cannot create the audit trail topic " + name, e.getCause());
                }
            }
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Config current = admin.describeConfigs(List.of(res)).all().get().get(res);
            ConfigEntry entry = current.get("retention.ms");
            if (entry == null || !retentionMs.equals(entry.value())) {
                admin.incrementalAlterConfigs(Map.of(res, List.of(new AlterConfigOp(
                        new ConfigEntry("retention.ms", retentionMs), AlterConfigOp.OpType.SET)))).all().get();
                log.info("event=trail_topic_retention_set topic={} retention_ms={}", name, retentionMs);
            }
        } catch (ExecutionException e) {
            throw new TrailException("cannot configure the audit trail topic " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrailException("interrupted while configuring the audit trail topic " + name, e);
        }
    }

    /** True when {@code name} exists on the cluster. */
    public static boolean exists(Admin admin, String name) {
        try {
            return admin.listTopics().names().get().contains(name);
        } catch (ExecutionException e) {
            throw new TrailException("cannot list topics to find the audit trail topic " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrailException("interrupted while looking for the audit trail topic " + name, e);
        }
    }

    private static Optional<Integer> partitions(Admin admin, String topic) throws InterruptedException, ExecutionException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
