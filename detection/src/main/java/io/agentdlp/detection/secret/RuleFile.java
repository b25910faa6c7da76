package io.agentdlp.detection.secret;

import java.util.List;
import java.util.Set;

/**
 * The content of one rule file.
 *
 * @param name         file name as given (used in messages)
 * @param rules        rules defined by the file
 * @param disabled     ids the file switches off ({@code enabled: false})
 * @param placeholders documentation-placeholder patterns the file adds to the global allow list
 */
public record RuleFile(String name, List<SecretRule> rules, Set<String> disabled, List<String> placeholders) {
    public RuleFile {
        rules = List.copyOf(rules);
        disabled = Set.copyOf(disabled);
        placeholders = List.copyOf(placeholders);
    }
}
