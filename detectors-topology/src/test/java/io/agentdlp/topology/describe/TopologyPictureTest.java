package io.agentdlp.topology.describe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import io.agentdlp.topology.config.TopologyConfig;

class TopologyPictureTest {
    /** The committed picture of the default topology, relative to this module. */
    static final Path DOCS_PICTURE = Path.of("..", "docs", "topology.mmd");

    @Test
    void rendersSubTopologiesTopicsAndStoresAsMermaid() {
        assertThat(TopologyPicture.render(small(), TopologyPicture.Format.MERMAID)).isEqualTo("""
                flowchart LR
                  subgraph st0["sub-topology 0"]
                    p_count["count"]
                    p_in_source["in-source"]
                    p_regroup_repartition_filter["regroup-repartition-filter"]
                    p_regroup_repartition_sink["regroup-repartition-sink"]
                  end
                  subgraph st1["sub-topology 1"]
                    p_out_sink["out-sink"]
                    p_regroup_repartition_source["regroup-repartition-source"]
                  end
                  t_in[/"in"/]
                  t_out[/"out"/]
                  t_regroup_repartition[/"regroup-repartition"/]
                  s_counts[("counts")]
                  p_count --> p_regroup_repartition_filter
                  p_count -.- s_counts
                  p_in_source --> p_count
                  p_out_sink --> t_out
                  p_regroup_repartition_filter --> p_regroup_repartition_sink
                  p_regroup_repartition_sink --> t_regroup_repartition
                  p_regroup_repartition_source --> p_out_sink
                  t_in --> p_in_source
                  t_regroup_repartition --> p_regroup_repartition_source
                  classDef topic fill:#eef,stroke:#557
                  classDef store fill:#efe,stroke:#575
                  class t_in,t_out,t_regroup_repartition topic
                  class s_counts store
                """);
    }

    @Test
    void rendersDot() {
        String dot = TopologyPicture.render(small(), TopologyPicture.Format.DOT);
        assertThat(dot).startsWith("digraph topology {\n  rankdir=LR;\n")
                .contains("  subgraph cluster_st0 {\n    label=\"sub-topology 0\";\n    \"p_count\" [label=\"count\", shape=box];\n")
                .contains("  \"s_counts\" [label=\"counts\", shape=cylinder, style=filled, fillcolor=\"#eeffee\"];\n")
                .contains("  \"p_count\" -> \"s_counts\" [style=dashed, arrowhead=none];\n")
                .contains("  \"t_in\" -> \"p_in_source\";\n")
                .endsWith("}\n");
    }

    @Test
    void theSameTopologyAlwaysRendersTheSameText() {
        TopologyConfig c = TopologyConfig.defaults();
        assertThat(TopologyPicture.render(TopologyPicture.describe(c), TopologyPicture.Format.MERMAID))
                .isEqualTo(TopologyPicture.render(TopologyPicture.describe(c), TopologyPicture.Format.MERMAID))
                .contains("t_agent_egress_events[/\"agent-egress-events\"/]", "t_dlp_alerts[/\"dlp-alerts\"/]",
                        "s_dedup_content[(\"dedup-content\")]", "subgraph gs");
    }

    /**
     * Regenerates docs/topology.mmd from the default topology. Locally a stale file is rewritten
     * (commit the change); on CI ({@code CI=true}) a stale committed file fails the build.
     */
    @Test
    void docsCarryTheCurrentPictureOfTheDefaultTopology() throws IOException {
        String current = TopologyPicture.render(TopologyPicture.describe(TopologyConfig.defaults()), TopologyPicture.Format.MERMAID);
        String committed = Files.exists(DOCS_PICTURE) ? Files.readString(DOCS_PICTURE, StandardCharsets.UTF_8) : "";
        if (!current.equals(committed)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                assertThat(committed).as("docs/topology.mmd is out of date: run the detectors-topology tests locally "
                        + "and commit the regenerated file").isEqualTo(current);
            }
            Files.writeString(DOCS_PICTURE, current, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCS_PICTURE, StandardCharsets.UTF_8)).isEqualTo(current);
    }

    /** in → count (store) → repartition → out. */
    private static TopologyDescription small() {
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long()));
        b.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("in-source"))
                .process(Counter::new, Named.as("count"), "counts")
                .repartition(Repartitioned.<String, String>as("regroup").withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .to("out", Produced.<String, String>with(Serdes.String(), Serdes.String()).withName("out-sink"));
        return b.build().describe();
    }

    /** Forwards every record. */
    private static final class Counter extends ContextualProcessor<String, String, String, String> {
        @Override
        public void process(Record<String, String> record) {
            context().forward(record);
        }
    }
}
