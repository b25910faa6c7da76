package io.agentdlp.registry.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A route path such as {@code /subjects/{subject}/versions/{version}}, matched segment by segment. */
final class PathTemplate {
    private final String text;
    private final List<String> segments;

    PathTemplate(String text) {
        this.text = text;
        this.segments = PathSegments.split(text);
    }

    /** Path parameters when the decoded segments match, empty otherwise. */
    Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (s.startsWith("{") && s.endsWith("}")) {
                params.put(s.substring(1, s.length() - 1), path.get(i));
            } else if (!s.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    @Override
    public String toString() {
        return text;
    }
}
