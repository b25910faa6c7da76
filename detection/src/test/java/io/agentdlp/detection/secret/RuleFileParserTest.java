package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileParserTest {
    private static final KeyedHasher HASHER = KeyedHasher.fromSecret("rule-file-parser-test-key");
    @TempDir
    Path dir;

    @Test
    void invalidRegexNamesFileRuleAndLine() throws IOException {
        Path f = write("bad.yaml", """
                version: 1
                rules:
                  - id: fine
                    severity: low
                    keywords: [fine]
                    pattern: 'fine(\\d+)'
                  - id: broken
                    severity: high
                    keywords: [brk]
                    pattern: 'brk([a-z'
                """);
        assertThatThrownBy(() -> RuleCatalog.ofFiles(f))
                .isInstanceOfSatisfying(RuleFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(f.toString());
                    assertThat(e.ruleId()).isEqualTo("broken");
                    assertThat(e.line()).isEqualTo(7);
                })
                .hasMessageContaining(f + ":7: rule 'broken': invalid pattern regex");
    }

    @Test
    void missingFieldIsRejected() throws IOException {
        Path f = write("missing.yaml", """
                version: 1
                rules:
                  - id: nopattern
                    severity: high
                    keywords: [x]
                """);
        assertThatThrownBy(() -> RuleCatalog.ofFiles(f)).isInstanceOf(RuleFileException.class)
                .hasMessage(f + ":3: rule 'nopattern': missing field 'pattern'");
    }

    @Test
    void unknownFieldsValidatorsAndSyntaxErrorsAreRejected() throws IOException {
        Path typo = write("typo.yaml", "version: 1\nrules:\n  - id: t\n    severity: low\n    keywords: [t]\n    pattern: 't'\n    minEntrpy: 3\n");
        assertThatThrownBy(() -> RuleCatalog.ofFiles(typo)).hasMessageContaining("unknown field 'minEntrpy'");
        Path val = write("val.yaml", "version: 1\nrules:\n  - id: v\n    severity: low\n    keywords: [v]\n    pattern: 'v'\n    validator: luhn9\n");
        assertThatThrownBy(() -> RuleCatalog.ofFiles(val)).hasMessageContaining("rule 'v': unknown validator 'luhn9'");
        Path reject = write("reject.yaml", "version: 1\nrules:\n  - id: r\n    severity: low\n    keywords: [r]\n    pattern: 'r'\n    reject: 'r(('\n");
        assertThatThrownBy(() -> RuleCatalog.ofFiles(reject)).hasMessageContaining("reject.yaml:3: rule 'r': invalid reject regex");
        Path syntax = write("syntax.yaml", "version: 1\nrules:\n  - id: s\n    pattern: [unclosed\n");
        assertThatThrownBy(() -> RuleCatalog.ofFiles(syntax)).isInstanceOf(RuleFileException.class).hasMessageContaining("malformed file");
        Path json = write("rules.json", "{\"version\": 1, \"rules\": [{\"id\": \"j\", \"severity\": \"bad\", \"keywords\": [], \"pattern\": \"j\"}]}");
        assertThatThrownBy(() -> RuleCatalog.ofFiles(json)).hasMessageContaining("rule 'j': unknown severity 'bad'");
    }

    @Test
    void userFileAddsOverridesAndDisablesRulesById() throws IOException {
        Path f = write("mine.yaml", """
                version: 1
                placeholders: ['internal-demo']
                rules:
                  - id: acme-internal-token
                    family: internal
                    description: ACME internal service token
                    severity: critical
                    keywords: [acme_]
                    pattern: '\\b(acme_[a-z0-9]{24})\\b'
                    minEntropy: 3
                    examples:
                      tp: ['acme_q8w7e6r5t4y3u2i1o0p9l8k7']
                      fp: ['acme_internal-demo']
                  - id: stripe-test-secret-key
                    severity: info
                    keywords: [sk_test_]
                    pattern: '\\b(sk_test_[A-Za-z0-9]{24,99})\\b'
                  - id: jwt
                    enabled: false
                  - id: acme-session
                    severity: low
                    keywords: [acme_session]
                    anchored: true
                    pattern: 'acme_session\\w{0,10}=(\\w{8,})'
                    reject: 'acme_session\\w{0,10}?_(?:len|hash)'
                """);
        RuleCatalog catalog = RuleCatalog.load(f);
        assertThat(catalog.rules()).hasSize(RuleCatalog.builtIn().rules().size() + 1);
        assertThat(catalog.rule("jwt")).isEmpty();
        assertThat(catalog.placeholders()).contains("internal-demo");
        SecretScanner scanner = SecretScanner.builder().catalog(catalog).hasher(HASHER).build();
        assertThat(scanner.scan("t=acme_q8w7e6r5t4y3u2i1o0p9l8k7").findings()).extracting(Finding::ruleId).containsExactly("acme-internal-token");
        assertThat(scanner.scan("acme_session_id=q8w7e6r5t4y3").findings()).extracting(Finding::ruleId).containsExactly("acme-session");
        assertThat(scanner.scan("acme_session_hash=q8w7e6r5t4y3").findings()).isEmpty();
        assertThat(scanner.scan("acme_session_len=q8w7e6r5t4y3").findings()).isEmpty();
        Finding test = scanner.scan("sk_test_4eC39HqLyjWDarjtT1zdp7dc").findings().get(0);
        assertThat(test.severity()).isEqualTo(io.agentdlp.detection.Severity.INFO);
        String jwt = RuleCatalog.builtIn().rule("jwt").orElseThrow().examples().truePositives().get(0);
        assertThat(scanner.scan(jwt).findings()).noneMatch(x -> x.ruleId().equals("jwt"));
    }

    @Test
    void rulesWithoutKeywordsScanWholeTexts() throws IOException {
        Path f = write("nokw.yaml", """
                version: 1
                rules:
                  - id: order-id
                    severity: low
                    keywords: []
                    pattern: '\\bORD-(\\d{6})\\b'
                """);
        SecretScanner scanner = SecretScanner.builder().catalog(RuleCatalog.ofFiles(f)).hasher(HASHER).build();
        assertThat(scanner.scan("x ORD-123456 y").findings()).extracting(Finding::line, Finding::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 7));
    }

    @Test
    void requiresMustNameAnExistingRule() throws IOException {
        Path f = write("req.yaml", "version: 1\nrules:\n  - id: r\n    severity: low\n    keywords: [r]\n    pattern: 'r'\n    requires: {rule: ghost, within: 10}\n");
        assertThatThrownBy(() -> RuleCatalog.ofFiles(f)).hasMessage(f + ":3: rule 'r': requires unknown rule 'ghost'");
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }
}
