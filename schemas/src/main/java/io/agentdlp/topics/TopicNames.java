package io.agentdlp.topics;

import java.util.Map;

/**
 * Resolves actual topic names from configuration: {@code topic.<id>=<name>} renames a topic (for
 * example {@code topic.alerts=team-a.dlp-alerts}); everything else keeps its default name.
 */
public final class TopicNames {
    private final Map<String, String> config;

    public TopicNames(Map<String, String> config) {
        this.config = Map.copyOf(config);
    }

    /** Default names only. */
    public static TopicNames defaults() {
        return new TopicNames(Map.of());
    }

    public String name(TopicSpec<?, ?> spec) {
        String v = config.get(spec.nameProperty());
        return v == null || v.isBlank() ? spec.defaultName() : v.trim();
    }
}
