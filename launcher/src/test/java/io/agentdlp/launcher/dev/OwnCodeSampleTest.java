package io.agentdlp.launcher.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnCodeSampleTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameCodeAndAnotherSeedOtherCode() {
        assertThat(OwnCodeSample.generate(1, 3).files()).isEqualTo(OwnCodeSample.generate(1, 3).files());
        assertThat(OwnCodeSample.generate(2, 3).files().get(0).text())
                .isNotEqualTo(OwnCodeSample.generate(1, 3).files().get(0).text());
    }

    @Test
    void filesAreDistinctJavaSourcesWrittenUnderTheRoot() throws IOException {
        OwnCodeSample sample = OwnCodeSample.generate(9, 4);
        sample.writeTo(dir);

        assertThat(sample.files()).hasSize(4).extracting(OwnCodeSample.SourceFile::path).doesNotHaveDuplicates()
                .allMatch(p -> p.endsWith(".java"));
        for (OwnCodeSample.SourceFile f : sample.files()) {
            assertThat(Files.readString(dir.resolve(f.path()), StandardCharsets.UTF_8)).isEqualTo(f.text())
                    .startsWith("package com.acme.internal;");
        }
    }

    @Test
    void anExcerptIsAContiguousRunOfTheFilesLines() {
        OwnCodeSample sample = OwnCodeSample.generate(3, 2);

        String excerpt = sample.excerpt(1, 25);

        assertThat(excerpt.split("\n")).hasSize(25);
        assertThat(sample.files().get(1).text()).contains(excerpt);
    }
}
