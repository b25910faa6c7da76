package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import org.junit.jupiter.api.Test;

/** Runs every built-in rule's shipped examples: true positives must be found, false positives not. */
class RuleCatalogExamplesTest {
    private static final SecretScanner SCANNER = SecretScanner.builder()
            .hasher(KeyedHasher.fromSecret("rule-examples-test-key"))
            .build();

    @Test
    void catalogueHasAtLeast150RulesEachWithExamples() {
        List<SecretRule> rules = RuleCatalog.builtIn().rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(150);
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.examples().truePositives()).as(r.id() + " tp").isNotEmpty();
            assertThat(r.examples().falsePositives()).as(r.id() + " fp").isNotEmpty();
        });
    }

    @Test
    void everyFamilyTheIssueNamesIsCovered() {
        Map<String, Long> perFamily = RuleCatalog.builtIn().rules().stream()
                .collect(Collectors.groupingBy(SecretRule::family, TreeMap::new, Collectors.counting()));
        assertThat(perFamily).containsKeys("cloud", "vcs", "ai", "chat", "payments", "messaging", "registry",
                "observability", "infra", "private-key", "jwt", "connection-string", "config-file", "generic");
    }

    @Test
    void truePositiveExamplesAreFoundByTheirRule() {
        List<String> failures = new ArrayList<>();
        for (SecretRule r : RuleCatalog.builtIn().rules()) {
            int i = 0;
            for (String tp : r.examples().truePositives()) {
                List<Finding> f = SCANNER.scan(tp).findings();
                if (f.stream().noneMatch(x -> x.ruleId().equals(r.id()))) {
                    failures.add(r.id() + " tp#" + i + " -> " + f.stream().map(Finding::ruleId).toList());
                }
                i++;
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void falsePositiveExamplesAreNotReportedByTheirRule() {
        List<String> failures = new ArrayList<>();
        for (SecretRule r : RuleCatalog.builtIn().rules()) {
            int i = 0;
            for (String fp : r.examples().falsePositives()) {
                if (SCANNER.scan(fp).findings().stream().anyMatch(x -> x.ruleId().equals(r.id()))) {
                    failures.add(r.id() + " fp#" + i);
                }
                i++;
            }
        }
        assertThat(failures).isEmpty();
    }
}
