package io.agentdlp.tuning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretRule;
import io.agentdlp.tuning.rules.LintIssue.Check;
import io.agentdlp.tuning.rules.LintIssue.Level;

/** Seeded faults in a user rule file, judged against the built-in catalogue. */
class RuleLinterTest {
    /** A rule file with one fault per rule (and one clean rule). */
    static final String FAULTY_RULES = """
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
                description: 'Badly written: nested bounded quantifier'
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
              - id: acme-no-keywords
                family: custom
                description: 'Runs over all text'
                severity: low
                keywords: []
                pattern: 'ACME-[0-9]{12}-[A-Z]{4}'
                examples:
                  tp: ['ACME-804271593316-QXZT']
                  fp: ['ACME-1234']
              - id: acme-aws-copy
                family: custom
                description: 'Copy of a built-in rule under another id'
                severity: high
                keywords: ['akia', 'asia', 'abia', 'acca', 'a3t']
                pattern: '(?<![A-Za-z0-9_])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9_])'
                examples:
                  tp: ['aws_access_key_id = AKIAVQJXXVBOTHD2WTFL']
                  fp: ['AKIA']
            """;

    static RuleCatalog catalog;
    static List<SecretRule> fileRules;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("acme.yaml");
        Files.writeString(f, FAULTY_RULES);
        catalog = RuleCatalog.load(f);
        fileRules = catalog.rules().stream().filter(r -> r.id().startsWith("acme-")).toList();
    }

    @Test
    void builtInCatalogueHasNoLintErrors() {
        List<LintIssue> issues = new RuleLinter(RuleCatalog.builtIn()).lint(RuleCatalog.builtIn().rules());
        assertThat(issues).filteredOn(i -> i.level() == Level.ERROR).isEmpty();
    }

    @Test
    void seededFaultsAreReported() {
        List<String> found = new RuleLinter(catalog).lint(fileRules).stream()
                .map(i -> i.level() + " " + i.check().id() + " " + i.ruleId()).toList();
        assertThat(found).containsExactlyInAnyOrder(
                "ERROR catastrophic-backtracking acme-slow-token",
                "WARNING no-keywords acme-no-keywords",
                "ERROR duplicate-rule acme-aws-copy",
                "ERROR example-wrong-rule acme-aws-copy",
                "WARNING shadowed-rule acme-aws-copy");
    }

    @Test
    void messagesNameTheSubExpressionAndTheWinningRule() {
        List<LintIssue> issues = new RuleLinter(catalog).lint(fileRules);
        assertThat(issues).filteredOn(i -> i.check() == Check.CATASTROPHIC_BACKTRACKING).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("(?:[a-z0-9]+[-_]?){1,40}", "confirmed", "possessive"));
        assertThat(issues).filteredOn(i -> i.check() == Check.SHADOWED_RULE).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("aws-access-key-id"));
        assertThat(issues).allSatisfy(i -> assertThat(i.source()).startsWith(catalog.rule(i.ruleId()).orElseThrow().source()));
    }

    @Test
    void exampleRunnerReportsTheExampleThatDoesNotMatch() {
        List<ExampleOutcome> failed = new RuleExampleRunner(catalog).run(fileRules).stream()
                .filter(o -> !o.passed()).toList();
        assertThat(failed).extracting(o -> o.ruleId() + " " + o.name() + " " + o.found())
                .containsExactlyInAnyOrder("acme-broken-example tp#0 []", "acme-aws-copy tp#0 [aws-access-key-id]");
        assertThat(failed).allSatisfy(o -> assertThat(o.preview()).endsWith("********"));
    }

    @Test
    void builtInExamplesAllPass() {
        assertThat(new RuleExampleRunner(RuleCatalog.builtIn()).run(RuleCatalog.builtIn().rules()))
                .isNotEmpty().allMatch(ExampleOutcome::passed);
    }
}
