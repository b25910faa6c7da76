package io.agentdlp.detection.pii;

import java.util.function.Consumer;

/** Finds and validates one kind of personal data in a text. Implementations are stateless and thread-safe. */
interface PiiMatcher {
    /** Reports every validated value in the screened text's spans of this matcher's kind. */
    void find(Screening text, Consumer<PiiCandidate> out);
}
