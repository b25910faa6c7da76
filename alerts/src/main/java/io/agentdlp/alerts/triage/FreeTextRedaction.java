package io.agentdlp.alerts.triage;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.secret.SecretScanner;

/**
 * Replaces credentials in analyst-typed text (comments, suppression reasons) with their redacted
 * previews before the text is stored on Kafka or shown, using the same secret scanner as the
 * pipeline. An analyst pasting the leaked key into a comment must not re-leak it.
 */
public final class FreeTextRedaction implements UnaryOperator<String> {
    private final TextDetector detector;

    public FreeTextRedaction(TextDetector detector) {
        this.detector = detector;
    }

    /**
     * With the built-in secret rules. The hashes are discarded, so a random per-process key is used
     * rather than the deployment key.
     */
    public static FreeTextRedaction secrets() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new FreeTextRedaction(SecretScanner.builder().hasher(new KeyedHasher(key)).build());
    }

    @Override
    public String apply(String text) {
        List<Finding> findings = detector.detect(text).stream()
                .filter(f -> f.offset() >= 0 && f.length() > 0 && f.offset() + f.length() <= text.length())
                .sorted(Comparator.comparingLong(Finding::offset))
                .toList();
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int pos = 0;
        for (Finding f : findings) {
            int start = (int) f.offset();
            if (start < pos) {
                continue;
            }
            sb.append(text, pos, start).append(f.redactedPreview());
            pos = start + f.length();
        }
        sb.append(text, pos, text.length());
        return sb.toString();
    }
}
