package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/serde.md documents every configuration key the serde reads. */
class SerdeDocsTest {
    @Test
    void everyConfigKeyHasARowInTheReferenceTable() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "serde.md"));

        assertThat(AvroSerdeConfig.CONFIG_DEF.names()).isNotEmpty().allSatisfy(key ->
                assertThat(doc).as("docs/serde.md row for %s", key).contains("| `" + key + "` |"));
    }
}
