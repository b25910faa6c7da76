package io.agentdlp.detection;

import java.util.List;

/**
 * Any detector that looks at one text and reports redacted findings: the secret scanner, the
 * personal-data scanner, or a composition of them. Lets enforcement points (sensor, proxy) run
 * "the detectors" without knowing each one. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TextDetector {
    List<Finding> detect(CharSequence text);

    /** Runs every detector and concatenates their findings in order. */
    static TextDetector all(List<TextDetector> detectors) {
        List<TextDetector> copy = List.copyOf(detectors);
        return text -> {
            if (copy.size() == 1) {
                return copy.get(0).detect(text);
            }
            java.util.ArrayList<Finding> out = new java.util.ArrayList<>();
            for (TextDetector d : copy) {
                out.addAll(d.detect(text));
            }
            return out;
        };
    }
}
