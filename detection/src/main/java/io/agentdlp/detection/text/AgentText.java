package io.agentdlp.detection.text;

import java.util.Objects;

/**
 * The in-place normalisation of what agents send, shared by detectors: JSON string escapes undone (twice,
 * for a JSON document carried inside a JSON string), then line numbers and diff markers removed. The
 * result maps every char back to the original text; base64 and percent-decoding are separate steps
 * ({@link Base64Blobs}, {@link PercentDecoder}) because they change what a token looks like.
 */
public final class AgentText {
    /** Escape passes: a JSON string inside a JSON string is the deepest nesting seen in agent payloads. */
    public static final int JSON_UNESCAPE_PASSES = 2;

    private AgentText() {
    }

    public static DecodedText normalize(CharSequence text) {
        return normalize(DecodedText.of(text));
    }

    public static DecodedText normalize(DecodedText in) {
        return normalize(in, RenderingBuffers.unpooled());
    }

    /**
     * {@code normalize(DecodedText.of(text, limit, buffers), buffers)} in one walk over the text's chars: they are
     * copied into the identity rendering's buffer as the normalisation reaches them, and a non-null {@code lines}
     * records where the text's lines start.
     */
    public static DecodedText normalize(CharSequence text, int limit, RenderingBuffers buffers, LineStarts lines) {
        Objects.requireNonNull(text, "text");
        return OnePassNormalizer.normalize(text, limit, buffers, lines);
    }

    /**
     * As {@link #normalize(DecodedText)}, decoding into {@code buffers}. The result is that of
     * {@link LinePrefixStripper#strip} over {@link JsonStringUnescaper#unescapeNested} with
     * {@value #JSON_UNESCAPE_PASSES} passes, found in one walk over the text when it is escaped once.
     */
    public static DecodedText normalize(DecodedText in, RenderingBuffers buffers) {
        return OnePassNormalizer.normalize(in, buffers);
    }
}
