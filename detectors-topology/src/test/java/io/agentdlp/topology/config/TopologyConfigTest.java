package io.agentdlp.topology.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentdlp.detection.fingerprint.MatchThresholds;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.deadletter.DeadLetterDeserializationHandler;
import io.agentdlp.topology.metrics.DlpMetrics;

class TopologyConfigTest {
    @Test
    void fileThenEnvironmentWithPassThroughKeys(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.properties");
        Files.writeString(f, "bootstrap.servers=kafka:9092\ndedup.ttl=30m\nstreams.commit.interval.ms=500\n"
                + "topic.alerts=team-a.alerts\nserde.basic.auth.user.info=u:p\n");
        TopologyConfig c = TopologyConfig.load(f, Map.of("AGENTDLP_DEDUP_TTL", "2h", "AGENTDLP_STREAMS_NUM_STANDBY_REPLICAS", "1",
                "AGENTDLP_HASH_KEY", "0123456789abcdef0123"));
        assertThat(c.string(TopologyOptions.BOOTSTRAP_SERVERS)).isEqualTo("kafka:9092");
        assertThat(c.duration(TopologyOptions.DEDUP_TTL)).isEqualTo(Duration.ofHours(2));
        assertThat(c.streamsOverrides()).containsEntry("commit.interval.ms", "500").containsEntry("num.standby.replicas", "1");
        assertThat(c.topicNames().name(Topics.ALERTS)).isEqualTo("team-a.alerts");
        assertThat(c.serdeConfig()).containsEntry("basic.auth.user.info", "u:p").containsKey("schema.registry.url");
        assertThat(c.describe()).containsEntry("hash.key", "<set>");
    }

    @Test
    void streamsPropertiesCarryGuaranteesHandlersAndOverrides() {
        TopologyConfig c = TopologyConfig.defaults().with("num.standby.replicas", "2")
                .with("streams.num.standby.replicas", "3");
        var p = StreamsSettings.properties(c, DlpMetrics.detached());
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterDeserializationHandler.class.getName());
        assertThat(p.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo("3");
        assertThat(StreamsSettings.properties(c.with("processing.guarantee", "at-least-once"), DlpMetrics.detached())
                .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
    }

    @Test
    void exactlyOnceProducersKeepOneRequestInFlightUnlessOverridden() {
        String inFlight = StreamsConfig.producerPrefix("max.in.flight.requests.per.connection");
        TopologyConfig c = TopologyConfig.defaults();
        assertThat(StreamsSettings.properties(c, DlpMetrics.detached()).get(inFlight)).isEqualTo(1);
        assertThat(StreamsSettings.properties(c.with("processing.guarantee", "at-least-once"), DlpMetrics.detached()))
                .doesNotContainKey(inFlight);
        assertThat(StreamsSettings.properties(c.with("streams." + inFlight, "5"), DlpMetrics.detached()).get(inFlight))
                .isEqualTo("5");
    }

    @Test
    void streamProducersBatchUpTo256KiBUnlessOverridden() {
        String batch = StreamsConfig.producerPrefix("batch.size");
        TopologyConfig c = TopologyConfig.defaults();
        assertThat(StreamsSettings.properties(c, DlpMetrics.detached()).get(batch)).isEqualTo(256 * 1024);
        assertThat(StreamsSettings.properties(c.with("processing.guarantee", "at-least-once"), DlpMetrics.detached())
                .get(batch)).isEqualTo(256 * 1024);
        assertThat(StreamsSettings.properties(c.with("streams." + batch, "16384"), DlpMetrics.detached()).get(batch))
                .isEqualTo("16384");
    }

    @Test
    void codeMatchThresholdsDefaultToTheLibrarysAndTakeOverrides() {
        assertThat(TopologyConfig.defaults().codeMatchThresholds()).isEqualTo(MatchThresholds.DEFAULT);
        assertThat(TopologyConfig.defaults().integer(TopologyOptions.CODE_MIN_RENAMED_FINGERPRINTS))
                .isEqualTo(MatchThresholds.DEFAULT.minRenamedFingerprints());
        MatchThresholds t = TopologyConfig.defaults().with("code.min.renamed.fingerprints", "4")
                .with("code.renamed.coverage", "0").codeMatchThresholds();
        assertThat(t.minRenamedFingerprints()).isEqualTo(4);
        assertThat(t.renamedCoverage()).isZero();
        assertThat(t.minMatchedFingerprints()).isEqualTo(MatchThresholds.DEFAULT.minMatchedFingerprints());
    }

    @Test
    void valuesAreParsedAndMistakesNamed() {
        assertThat(ConfigValues.duration("k", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigValues.duration("k", "PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigValues.duration("k", "7d")).isEqualTo(Duration.ofDays(7));
        assertThat(ConfigValues.bytes("k", "64MiB")).isEqualTo(64L << 20);
        assertThat(ConfigValues.bytes("k", "512kb")).isEqualTo(512L << 10);
        assertThatThrownBy(() -> TopologyConfig.from(props("dedup.tll", "1h"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option 'dedup.tll'");
        assertThatThrownBy(() -> TopologyConfig.defaults().with("volume.window", "soon"))
                .hasMessageContaining("volume.window").hasMessageContaining("duration");
        assertThatThrownBy(() -> TopologyConfig.defaults().with("processing.guarantee", "exactly_once"))
                .hasMessageContaining("exactly_once_v2 or at_least_once");
        assertThatThrownBy(() -> TopologyConfig.defaults().with("hash.key", "short"))
                .hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> TopologyConfig.defaults().with("code.index.mode", "sharded"))
                .hasMessageContaining("global or partitioned");
    }

    private static Properties props(String k, String v) {
        Properties p = new Properties();
        p.setProperty(k, v);
        return p;
    }
}
