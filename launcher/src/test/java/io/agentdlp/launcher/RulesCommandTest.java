package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules test} and {@code rules lint} catch seeded faults in a user rule file. */
class RulesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES = """
            version: 1
            rules:
              - id: acme-deploy-token
                family: custom
                description: 'ACME deploy token'
                severity: high
                keywords: ['acme_deploy_']
                pattern: '\\b(acme_deploy_[A-Za-z0-9]{24})\\b'
                examples:
                  tp: ['token: acme_deploy_Q8ZkT3mW7yPb2LxV9cRn4HsJ']
                  fp: ['acme_deploy_short']
              - id: acme-slow-token
                family: custom
                description: 'Nested bounded quantifier: catastrophic backtracking'
                severity: medium
                keywords: ['acme_slow=']
                pattern: 'acme_slow=((?:[a-z0-9]+[-_]?){1,40})@'
                examples:
                  tp: ['acme_slow=abc-def_ghi@']
                  fp: ['acme_slow=@']
              - id: acme-broken-example
                family: custom
                description: 'Its true-positive example does not match'
                severity: medium
                keywords: ['acmekey']
                pattern: 'acmekey_([0-9a-f]{32})'
                examples:
                  tp: ['acmekey_not-hex-at-all']
                  fp: ['acmekey_']
            """;

    @TempDir
    Path tmp;
    Path file;

    @BeforeEach
    void write() throws IOException {
        file = Files.writeString(tmp.resolve("acme-rules.yaml"), RULES);
    }

    @Test
    void testReportsTheExampleThatDoesNotMatchAndExitsOne() {
        CliRun r = CliRun.of("rules", "test", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("FAIL acme-broken-example tp#0 (" + file + ":")
                .contains("not found by acme-broken-example; the scan reported nothing"));
        assertThat(r.err()).contains("3 rule(s), 6 example(s), 1 failed");
    }

    @Test
    void testOfTheBuiltInCataloguePasses() {
        CliRun r = CliRun.of("rules", "test");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(" 0 failed");
    }

    @Test
    void lintFlagsTheBadRegexAsAnErrorAndExitsOne() throws IOException {
        CliRun r = CliRun.of("rules", "lint", "--format", "jsonl", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<JsonNode> issues = r.out().lines().map(RulesCommandTest::json).toList();
        assertThat(issues).extracting(n -> n.get("level").asText() + " " + n.get("check").asText() + " " + n.get("rule").asText())
                .containsExactly("error catastrophic-backtracking acme-slow-token");
        assertThat(issues.get(0).get("message").asText()).contains("(?:[a-z0-9]+[-_]?){1,40}", "confirmed");
        assertThat(r.err()).contains("1 error(s), 0 warning(s)");
    }

    @Test
    void aFixedFileLintsClean() throws IOException {
        Files.writeString(file, RULES.replace("(?:[a-z0-9]+[-_]?){1,40}", "(?:[a-z0-9]++[-_]?){1,40}"));
        CliRun r = CliRun.of("rules", "lint", file.toString());
        assertThat(r.exit()).as(r.out()).isZero();
    }

    @Test
    void unreadableFilesExitTwo() throws IOException {
        assertThat(CliRun.of("rules", "test", tmp.resolve("missing.yaml").toString()).exit()).isEqualTo(2);
        Files.writeString(file, "version: 1\nrules:\n  - id: x\n    pattern: '(unclosed'\n    severity: high\n    keywords: []\n");
        CliRun r = CliRun.of("rules", "lint", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("agentdlp rules lint:", "x");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
