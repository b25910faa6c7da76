package io.agentdlp.detection.secret;

import java.util.ArrayList;
import java.util.List;

import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import io.agentdlp.detection.text.AgentText;

/** Agent traffic that the hand-written matchers' tests compare with the regexes on. */
final class TrafficTexts {
    private TrafficTexts() {
    }

    /**
     * 100 KB of traffic with planted secrets and 100 KB without, each raw and as the scanner normalises it
     * (JSON unescaped, line prefixes cut), since the matchers run on both renderings. A new mutable list.
     */
    static List<String> rawAndNormalised() {
        List<String> texts = new ArrayList<>();
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        for (boolean secrets : new boolean[]{true, false}) {
            String raw = corpus.traffic(100_000, secrets);
            texts.add(raw);
            texts.add(AgentText.normalize(raw).toString());
        }
        return texts;
    }
}
