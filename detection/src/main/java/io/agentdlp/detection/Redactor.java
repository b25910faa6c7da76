package io.agentdlp.detection;

/**
 * Builds the redacted preview of a detected value: a few leading characters (at most a quarter of
 * the value, never more than {@code maxVisible}) and a fixed-width mask, so the preview neither
 * reveals the value nor its exact length.
 */
public final class Redactor {
    private static final int MASK_LENGTH = 8;
    private final int maxVisible;

    public Redactor(int maxVisible) {
        if (maxVisible < 0) {
            throw new IllegalArgumentException("maxVisible must be >= 0");
        }
        this.maxVisible = maxVisible;
    }

    /** Default: up to 4 visible characters. */
    public static Redactor standard() {
        return new Redactor(4);
    }

    public String preview(CharSequence value) {
        int visible = Math.min(maxVisible, value.length() / 4);
        StringBuilder sb = new StringBuilder(visible + MASK_LENGTH);
        sb.append(value, 0, visible);
        sb.append("*".repeat(MASK_LENGTH));
        return sb.toString();
    }
}
