package io.agentdlp.topology.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import io.agentdlp.topology.describe.TopologyPicture;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * StreamsSettings disables {@code max.task.idle.ms} when it says every task reads one partition, which
 * is only sound while that holds: a sub-topology reading two topics (a join, a merge, the partitioned
 * code index's shards) makes its tasks wait for, or stop waiting for, an empty partition, and the order
 * they process records in depends on the setting.
 */
class TaskInputsTest {
    private static final List<TopologyConfig> SHAPES = List.of(
            TopologyConfig.defaults(),
            TopologyConfig.defaults().with("code.index.mode", "partitioned"),
            TopologyConfig.defaults().with("code.index.mode", "partitioned").with("detector.code.enabled", "false"),
            TopologyConfig.defaults().with("session.timeline.max.events", "0"),
            TopologyConfig.defaults().with("dedup.enabled", "false").with("detector.volume.enabled", "false")
                    .with("detector.sequence.enabled", "false").with("detector.code.enabled", "false"));

    @Test
    void taskIdlingIsDisabledOnlyWhereEverySubTopologyReadsOneTopic() {
        for (TopologyConfig c : SHAPES) {
            if (!StreamsSettings.everyTaskReadsOnePartition(c)) {
                continue;
            }
            TopologyDescription d = TopologyPicture.describe(c);
            assertThat(d.subtopologies()).isNotEmpty();
            for (TopologyDescription.Subtopology s : d.subtopologies()) {
                Set<String> topics = new TreeSet<>();
                for (TopologyDescription.Node n : s.nodes()) {
                    if (n instanceof TopologyDescription.Source source) {
                        assertThat(source.topicPattern()).as("sub-topology %s reads a topic pattern", s.id()).isNull();
                        topics.addAll(source.topicSet());
                    }
                }
                assertThat(topics).as("source topics of sub-topology %s", s.id()).hasSize(1);
            }
        }
    }

    @Test
    void thePartitionedCodeIndexKeepsTaskIdling() {
        TopologyConfig partitioned = TopologyConfig.defaults().with("code.index.mode", "partitioned");
        assertThat(StreamsSettings.everyTaskReadsOnePartition(partitioned)).isFalse();
        assertThat(StreamsSettings.properties(partitioned, DlpMetrics.detached()))
                .doesNotContainKey(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG);
        assertThat(StreamsSettings.everyTaskReadsOnePartition(partitioned.with("detector.code.enabled", "false"))).isTrue();
    }

    @Test
    void taskIdlingIsDisabledUnlessOverridden() {
        TopologyConfig c = TopologyConfig.defaults();
        assertThat(StreamsSettings.properties(c, DlpMetrics.detached()).get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG))
                .isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        assertThat(StreamsSettings.properties(c.with("streams.max.task.idle.ms", "0"), DlpMetrics.detached())
                .get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo("0");
    }
}
