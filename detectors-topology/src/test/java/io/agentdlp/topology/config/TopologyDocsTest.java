package io.agentdlp.topology.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/topology.md documents every option in its table, with its environment variable and default. */
class TopologyDocsTest {
    @Test
    void everyOptionIsInTheDocumentedTable() throws IOException {
        Path doc = Path.of("..", "docs", "topology.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        for (ConfigOption o : TopologyOptions.ALL) {
            String row = "| `" + o.key() + "` | `" + o.envName() + "` | "
                    + (o.defaultValue().isEmpty() ? "(empty)" : "`" + o.defaultValue() + "`") + " |";
            assertThat(text).as("row of " + o.key() + " in " + doc).contains(row);
        }
    }
}
