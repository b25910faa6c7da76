package io.agentdlp.detection.fingerprint.sourcetree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GitIgnoreTest {
    private final GitIgnore rules = GitIgnore.parse(List.of(
            "# build output",
            "*.log",
            "/secrets.txt",
            "tmp/",
            "docs/**/draft-*.md",
            "**/fixtures/big",
            "!keep.log",
            "a?c.java",
            "[Tt]est[0-9].py",
            "\\#literal",
            "trailing   "));

    @Test
    void matchesNamesAtAnyDepthUnlessAnchored() {
        assertThat(rules.ignores("app.log", false)).isTrue();
        assertThat(rules.ignores("deep/in/tree/app.log", false)).isTrue();
        assertThat(rules.ignores("secrets.txt", false)).isTrue();
        assertThat(rules.ignores("sub/secrets.txt", false)).isNull();
        assertThat(rules.ignores("trailing", false)).isTrue();
        assertThat(rules.ignores("#literal", false)).isTrue();
    }

    @Test
    void laterNegationWins() {
        assertThat(rules.ignores("keep.log", false)).isFalse();
        assertThat(rules.ignores("x/keep.log", false)).isFalse();
    }

    @Test
    void directoryOnlyRulesSkipFiles() {
        assertThat(rules.ignores("tmp", true)).isTrue();
        assertThat(rules.ignores("src/tmp", true)).isTrue();
        assertThat(rules.ignores("tmp", false)).isNull();
    }

    @Test
    void globs() {
        assertThat(rules.ignores("docs/a/b/draft-1.md", false)).isTrue();
        assertThat(rules.ignores("docs/draft-1.md", false)).isTrue();
        assertThat(rules.ignores("docs/final.md", false)).isNull();
        assertThat(rules.ignores("x/y/fixtures/big", true)).isTrue();
        assertThat(rules.ignores("abc.java", false)).isTrue();
        assertThat(rules.ignores("abbc.java", false)).isNull();
        assertThat(rules.ignores("Test3.py", false)).isTrue();
        assertThat(rules.ignores("testx.py", false)).isNull();
    }
}
