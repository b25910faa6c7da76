package io.agentdlp.launcher.scan;

/** Converts increasing char offsets of a text into UTF-8 byte offsets in one forward pass. */
public final class Utf8Positions {
    private final String text;
    private int charPos;
    private long bytePos;

    public Utf8Positions(String text) {
        this.text = text;
    }

    /** Byte offset of {@code charOffset}; calls must not go backwards. */
    public long byteOffset(int charOffset) {
        if (charOffset < charPos) {
            charPos = 0;
            bytePos = 0;
        }
        while (charPos < charOffset && charPos < text.length()) {
            char c = text.charAt(charPos);
            if (c < 0x80) {
                bytePos += 1;
            } else if (c < 0x800) {
                bytePos += 2;
            } else if (Character.isHighSurrogate(c) && charPos + 1 < text.length() && Character.isLowSurrogate(text.charAt(charPos + 1))) {
                bytePos += 4;
                charPos++;
            } else {
                bytePos += 3;
            }
            charPos++;
        }
        return bytePos;
    }
}
