package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.Finding;
import io.agentdlp.serde.subject.RecordNameStrategy;
import io.agentdlp.serde.subject.SubjectNameStrategy;

/** Which subject the serializer registers under, per strategy and configuration spelling. */
class SubjectNameStrategyTest {
    private final MockScope scope = new MockScope();

    /** A custom strategy, configured by class name. */
    public static final class TeamPrefixStrategy implements SubjectNameStrategy {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return "team-a." + topic + (isKey ? ".k" : ".v");
        }
    }

    @AfterEach
    void drop() {
        scope.close();
    }

    private void serializeBoth(Object strategy, boolean isKey) {
        KafkaAvroSerializer ser = new KafkaAvroSerializer();
        String key = isKey ? AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY_CONFIG : AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY_CONFIG;
        ser.configure(strategy == null ? scope.config() : scope.config(key, strategy), isKey);
        ser.serialize("alerts", TestRecords.finding("x"));
        ser.serialize("alerts", TestRecords.codeIndexRecord());
    }

    @Test
    void topicNameStrategyIsTheDefault() {
        serializeBoth(null, false);
        serializeBoth(null, true);

        assertThat(scope.registry().subjects()).containsExactly("alerts-value", "alerts-key");
        assertThat(scope.registry().versions("alerts-value")).hasSize(2);
    }

    @Test
    void recordNameStrategyUsesTheRecordsFullName() {
        serializeBoth("RecordNameStrategy", false);

        assertThat(scope.registry().subjects()).containsExactly(Finding.getClassSchema().getFullName(),
                CodeIndexRecord.getClassSchema().getFullName());
    }

    @Test
    void topicRecordNameStrategyCombinesBoth() {
        serializeBoth("TopicRecordNameStrategy", true);

        assertThat(scope.registry().subjects()).containsExactly("alerts-io.agentdlp.avro.Finding", "alerts-io.agentdlp.avro.CodeIndexRecord");
    }

    @Test
    void acceptsConfluentClassNamesOurClassNamesAndClassObjects() {
        serializeBoth("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy", false);
        serializeBoth("io.agentdlp.serde.subject.RecordNameStrategy", false);
        serializeBoth(RecordNameStrategy.class, true);
        serializeBoth("io.confluent.kafka.serializers.subject.TopicNameStrategy", false);

        assertThat(scope.registry().subjects()).containsExactly(
                "alerts-io.agentdlp.avro.Finding", "alerts-io.agentdlp.avro.CodeIndexRecord",
                "io.agentdlp.avro.Finding", "io.agentdlp.avro.CodeIndexRecord", "alerts-value");
    }

    @Test
    void acceptsACustomStrategyClass() {
        serializeBoth(TeamPrefixStrategy.class.getName(), true);

        assertThat(scope.registry().subjects()).containsExactly("team-a.alerts.k");
    }

    @Test
    void rejectsUnknownStrategiesAtConfigureTime() {
        KafkaAvroSerializer ser = new KafkaAvroSerializer();

        assertThatThrownBy(() -> ser.configure(scope.config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY_CONFIG, "NoSuchStrategy"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("value.subject.name.strategy");
        assertThatThrownBy(() -> ser.configure(scope.config(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY_CONFIG, "java.lang.String"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not implement");
    }
}
