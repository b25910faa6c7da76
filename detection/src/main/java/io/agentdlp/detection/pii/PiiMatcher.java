package io.agentdlp.detection.pii;

import java.util.function.Consumer;

/** Finds and validates one kind of personal data in a text. Implementations are stateless and thread-safe. */
interface PiiMatcher {
    void find(CharSequence text, Consumer<PiiCandidate> out);
}
