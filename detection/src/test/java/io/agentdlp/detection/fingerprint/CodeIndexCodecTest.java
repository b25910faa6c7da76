package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CodeIndexCodecTest {
    @Test
    void keysRoundTrip() {
        String key = CodeIndexCodec.key("payments", "src/main/Pay.java");
        assertThat(key).isEqualTo("payments\0src/main/Pay.java");
        assertThat(CodeIndexCodec.parseKey(key)).isEqualTo(new CodeIndexCodec.DocumentKey("payments", "src/main/Pay.java"));
        assertThat(CodeIndexCodec.keyBytes("r", "p")).isEqualTo("r\0p".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CodeIndexCodec.parseKey("no-separator")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeIndexCodec.key("a\0b", "p")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsRoundTrip() {
        IndexedDocument doc = IndexedDocument.create("repo", "a/B.java",
                SyntheticCode.java(7, 5).getBytes(StandardCharsets.UTF_8), Fingerprinter.withDefaults(), true, "abc123", 9);
        IndexedDocument back = CodeIndexCodec.fromFields(doc.repo(), doc.sourcePath(), doc.contentSha256(), doc.commit(),
                doc.lineCount(), doc.ignoreCorpus(), doc.k(), doc.w(), CodeIndexCodec.hashes(doc),
                CodeIndexCodec.startLines(doc), CodeIndexCodec.endLines(doc), doc.indexVersion());
        assertThat(back).isEqualTo(doc);
        assertThat(doc.size()).isPositive();
    }

    @Test
    void inconsistentFieldsAreRejected() {
        assertThatThrownBy(() -> CodeIndexCodec.fromFields("r", "p", "00".repeat(32), null, 3, false, 12, 8,
                java.util.List.of(1L, 2L), java.util.List.of(1), java.util.List.of(1, 2), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
        assertThatThrownBy(() -> CodeIndexCodec.fromFields("r", "p", "xyz", null, 3, false, 12, 8,
                java.util.List.of(), java.util.List.of(), java.util.List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex");
    }
}
