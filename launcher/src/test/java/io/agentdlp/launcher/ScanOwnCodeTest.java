package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.IndexOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentdlp scan --index-dir}: own code in scanned files is reported as code-fingerprint findings. */
class ScanOwnCodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path index;
    Path inputs;

    @BeforeEach
    void indexAndInputs() throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("repo/src"));
        Files.writeString(tree.resolve("Ledger.java"), OwnCodeSamples.LEDGER);
        Files.writeString(tree.resolve("retry.py"), OwnCodeSamples.RETRY);
        index = tmp.resolve("index");
        CliRun built = CliRun.of("index", "--index-dir", index.toString(), "--repo", "acme", "--quiet", tmp.resolve("repo").toString());
        assertThat(built.exit()).as(built.err()).isZero();
        inputs = Files.createDirectories(tmp.resolve("inputs"));
        String escaped = OwnCodeSamples.LEDGER.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        Files.writeString(inputs.resolve("request.json"), "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Why does this leak memory?\\n```java\\n" + escaped + "```\"}]}");
        Files.writeString(inputs.resolve("prompt.md"), "Clean this up:\n\n```python\n" + OwnCodeSamples.RETRY + "```\n");
        Files.writeString(inputs.resolve("other.java"), OwnCodeSamples.ROUTER);
    }

    private static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                nodes.add(JSON.readTree(l));
            }
        }
        return nodes;
    }

    @Test
    void jsonlReportsTheSourceFileAndLines() throws IOException {
        CliRun r = CliRun.of("scan", "--index-dir", index.toString(), "--format", "jsonl", "--hash-key-file",
                tmp.resolve("key").toString(), inputs.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<JsonNode> found = lines(r.out());
        assertThat(found).extracting(n -> n.get("path").asText()).containsExactly("prompt.md", "request.json");
        JsonNode prompt = found.get(0);
        assertThat(prompt.get("detector").asText()).isEqualTo("code-fingerprint");
        assertThat(prompt.get("repo").asText()).isEqualTo("acme");
        assertThat(prompt.get("source_path").asText()).isEqualTo("src/retry.py");
        assertThat(prompt.get("source_lines").get(0).asInt()).isBetween(1, 6);
        assertThat(prompt.get("source_lines").get(1).asInt()).isBetween(18, 24);
        assertThat(prompt.get("lines").get(0).asInt()).isBetween(4, 9);
        assertThat(prompt.get("similarity").asDouble()).isGreaterThan(0.8);
        assertThat(prompt.get("severity").asText()).isEqualTo("high");
        JsonNode request = found.get(1);
        assertThat(request.get("source_path").asText()).isEqualTo("src/Ledger.java");
        assertThat(request.get("lines").get(0).asInt()).isEqualTo(1);
    }

    /** IntelliJ's equals/hashCode for a Kotlin class, as any project has it. */
    private static final String GENERATED_EQUALS = """
            class Pin(val pattern: String, val hashAlgorithm: String, val hash: ByteString) {
                override fun equals(other: Any?): Boolean {
                    if (this === other) return true
                    if (other !is Pin) return false
                    if (pattern != other.pattern) return false
                    if (hashAlgorithm != other.hashAlgorithm) return false
                    if (hash != other.hash) return false
                    return true
                }

                override fun hashCode(): Int {
                    var result = pattern.hashCode()
                    result = 31 * result + hashAlgorithm.hashCode()
                    result = 31 * result + hash.hashCode()
                    return result
                }
            }
            """;

    @Test
    void generatedBoilerplateIsNotReportedUnlessTheBuiltInIgnoreCorpusIsOff() throws IOException {
        Path generated = Files.createDirectories(tmp.resolve("generated"));
        Files.writeString(generated.resolve("Pin.kt"), GENERATED_EQUALS);
        CliRun built = CliRun.of("index", "--index-dir", index.toString(), "--repo", "pins", "--quiet", generated.toString());
        assertThat(built.exit()).as(built.err()).isZero();
        Path input = Files.writeString(tmp.resolve("equals.md"), "Is this right?\n\n```kotlin\n"
                + GENERATED_EQUALS.lines().skip(1).limit(15).map(l -> l + "\n").reduce("", String::concat) + "```\n");
        CliRun on = CliRun.of("scan", "--index-dir", index.toString(), "--format", "jsonl", "--hash-key-file",
                tmp.resolve("key").toString(), input.toString());
        assertThat(on.exit()).as(on.err()).isZero();
        CliRun off = CliRun.of("scan", "--index-dir", index.toString(), "--no-builtin-ignore", "--format", "jsonl",
                "--hash-key-file", tmp.resolve("key").toString(), input.toString());
        assertThat(off.exit()).as(off.err()).isEqualTo(1);
        assertThat(lines(off.out())).extracting(n -> n.get("source_path").asText()).containsExactly("Pin.kt");
    }

    @Test
    void scansWhileAnotherProcessWritesTheIndex() throws IOException {
        try (FingerprintIndex writer = FingerprintIndex.open(index, IndexOptions.DEFAULT)) {
            writer.remove("acme", "src/retry.py");
            CliRun r = CliRun.of("scan", "--index-dir", index.toString(), "--format", "jsonl", "--hash-key-file",
                    tmp.resolve("key").toString(), inputs.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(lines(r.out())).extracting(n -> n.get("source_path").asText()).containsExactly("src/Ledger.java");
        }
    }

    @Test
    void textFormatAndExitCodes() {
        CliRun text = CliRun.of("scan", "--index-dir", index.toString(), "--hash-key-file", tmp.resolve("key").toString(),
                inputs.resolve("prompt.md").toString());
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("code-fingerprint/own-code").contains("acme:src/retry.py lines");
        CliRun clean = CliRun.of("scan", "--index-dir", index.toString(), "--hash-key-file", tmp.resolve("key").toString(),
                inputs.resolve("other.java").toString());
        assertThat(clean.exit()).as(clean.out()).isZero();
        CliRun missing = CliRun.of("scan", "--index-dir", tmp.resolve("nope").toString(), "--hash-key-file",
                tmp.resolve("key").toString(), inputs.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no fingerprint index here");
    }
}
