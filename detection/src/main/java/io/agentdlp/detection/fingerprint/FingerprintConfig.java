package io.agentdlp.detection.fingerprint;

/**
 * Winnowing parameters. A k-gram is {@code k} consecutive normalised tokens; of every {@code w}
 * consecutive k-gram hashes the minimum is kept (robust winnowing). Guarantee: any stretch of at least
 * {@link #guaranteeThreshold() t = k + w - 1} tokens shared by a probe and an indexed file yields at
 * least one shared fingerprint; stretches shorter than {@code k} tokens never do (noise threshold).
 * K-grams with fewer than {@code minStructural} punctuation/operator tokens (prose, word lists) are not
 * code and yield no fingerprint.
 *
 * @param k             k-gram length in tokens, 4..64
 * @param w             winnowing window in k-grams, 1..256
 * @param minStructural minimum punctuation/operator tokens in a k-gram for it to count as code, 0..k
 */
public record FingerprintConfig(int k, int w, int minStructural) {
    /** Defaults chosen on the evaluation recorded in docs/fingerprint.md. */
    public static final FingerprintConfig DEFAULT = new FingerprintConfig(16, 3, 4);

    public FingerprintConfig {
        if (k < 4 || k > 64) {
            throw new IllegalArgumentException("k must be in 4..64, was " + k);
        }
        if (w < 1 || w > 256) {
            throw new IllegalArgumentException("w must be in 1..256, was " + w);
        }
        if (minStructural < 0 || minStructural > k) {
            throw new IllegalArgumentException("minStructural must be in 0..k, was " + minStructural);
        }
    }

    /** Same minimum of structural tokens as the default, scaled to {@code k}. */
    public static FingerprintConfig of(int k, int w) {
        return new FingerprintConfig(k, w, Math.max(1, Math.round(k / 4f)));
    }

    /** t = k + w - 1: shared token runs at least this long are always detected. */
    public int guaranteeThreshold() {
        return k + w - 1;
    }
}
