package io.agentdlp.detection.secret.eval;

import java.util.List;

/**
 * One generated agent payload and the credentials planted in it.
 *
 * @param shape   payload shape, e.g. {@code llm-request}, {@code env-dump}
 * @param text    the payload as an agent would send or see it
 * @param planted planted credentials (empty for pure hard-negative samples)
 */
public record LabeledSample(String shape, String text, List<PlantedSecret> planted) {
    public LabeledSample {
        planted = List.copyOf(planted);
    }
}
