package io.agentdlp.topology.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.topology.CodeSamples;

class ShardUpdateTest {
    private static final int SHARDS = 4;

    @Test
    void anUpsertGoesHomeAndRemovalsEverywhereElse() {
        CodeIndexRecord r = CodeSamples.record(CodeSamples.source(), 1);
        List<KeyValue<String, ShardUpdate>> out = ShardUpdate.split(CodeSamples.key(), r, SHARDS);
        int home = CodeShards.home(CodeSamples.key(), SHARDS);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).value.document()).isNull();
        assertThat(out.get(0).value.targets()).doesNotContain(home).hasSize(SHARDS - 1);
        assertThat(out.get(1).value.targets()).containsExactly(home);
        assertThat(ShardUpdate.decode(out.get(1).value.document())).isEqualTo(r);
    }

    @Test
    void ignoreCorpusFilesAndTombstonesGoToEveryShard() {
        CodeIndexRecord boilerplate = CodeIndexRecord.newBuilder(CodeSamples.record(CodeSamples.source(), 1))
                .setIgnoreCorpus(true).build();
        assertThat(ShardUpdate.split("lic\0LICENSE", boilerplate, SHARDS)).singleElement()
                .satisfies(kv -> assertThat(kv.value.targets()).hasSize(SHARDS));
        assertThat(ShardUpdate.split(CodeSamples.key(), null, SHARDS)).singleElement()
                .satisfies(kv -> {
                    assertThat(kv.value.targets()).hasSize(SHARDS);
                    assertThat(kv.value.document()).isNull();
                });
    }

    @Test
    void homeShardsSpreadAndSerdeRoundTrips() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(CodeShards.home("repo\0src/File" + i + ".java", SHARDS));
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3);
        ShardUpdate u = new ShardUpdate(Set.of(1, 3), new byte[] {1, 2, 3});
        var serde = ShardUpdate.serde();
        ShardUpdate back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", u));
        assertThat(back.targets()).containsExactlyInAnyOrder(1, 3);
        assertThat(back.document()).containsExactly(1, 2, 3);
    }
}
