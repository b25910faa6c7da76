package io.agentdlp.tuning.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.Redactor;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretRule;
import io.agentdlp.detection.secret.SecretScanner;

/**
 * Runs the examples embedded in secret rules the way production scans text: each example alone,
 * through a scanner of the whole catalogue (so a rule that another rule out-competes fails). A
 * true-positive example passes when its rule reports a finding; a false-positive example passes
 * when its rule reports none.
 */
public final class RuleExampleRunner {
    /** Evidence hashes are never shown; any fixed key will do. */
    static final KeyedHasher HASHER = KeyedHasher.fromSecret("agentdlp-rule-examples-key");

    private final SecretScanner scanner;
    private final Redactor redactor = Redactor.standard();

    public RuleExampleRunner(RuleCatalog catalog) {
        this.scanner = SecretScanner.builder().catalog(catalog).hasher(HASHER).build();
    }

    /** Outcomes of every example of {@code rules}, in rule order then tp before fp. */
    public List<ExampleOutcome> run(Collection<SecretRule> rules) {
        List<ExampleOutcome> out = new ArrayList<>();
        for (SecretRule r : rules) {
            List<String> tps = r.examples().truePositives();
            for (int i = 0; i < tps.size(); i++) {
                out.add(outcome(r, ExampleOutcome.Kind.TRUE_POSITIVE, i, tps.get(i)));
            }
            List<String> fps = r.examples().falsePositives();
            for (int i = 0; i < fps.size(); i++) {
                out.add(outcome(r, ExampleOutcome.Kind.FALSE_POSITIVE, i, fps.get(i)));
            }
        }
        return out;
    }

    /** The findings of the whole catalogue on {@code text}. */
    List<Finding> scan(String text) {
        return scanner.scan(text).findings();
    }

    private ExampleOutcome outcome(SecretRule r, ExampleOutcome.Kind kind, int index, String text) {
        TreeSet<String> found = new TreeSet<>();
        scan(text).forEach(f -> found.add(f.ruleId()));
        boolean hit = found.contains(r.id());
        boolean passed = kind == ExampleOutcome.Kind.TRUE_POSITIVE ? hit : !hit;
        return new ExampleOutcome(r.id(), r.source(), kind, index, passed, List.copyOf(found), redactor.preview(text));
    }
}
