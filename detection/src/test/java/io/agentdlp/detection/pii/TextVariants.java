package io.agentdlp.detection.pii;

import java.util.Random;

/** The variants of a corpus document that the personal-data scanner's oracle tests compare on. */
final class TextVariants {
    private TextVariants() {
    }

    /** A text of fewer than {@code maxPieces} random picks from {@code pieces}. */
    static String ofPieces(Random random, String[] pieces, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(maxPieces);
        for (int p = 0; p < count; p++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    /** {@code text} as it stands inside a JSON string: line breaks and quotes escaped. */
    static String jsonEscaped(String text) {
        return text.replace("\n", "\\n").replace("\"", "\\\"");
    }

    /** {@code text} after up to {@code count} random edits, each inserting one of {@code pieces} or deleting a char. */
    static String edited(String text, Random random, String[] pieces, int count) {
        StringBuilder edited = new StringBuilder(text);
        for (int k = 0; k < count && edited.length() > 0; k++) {
            int at = random.nextInt(edited.length());
            if (random.nextBoolean()) {
                edited.insert(at, pieces[random.nextInt(pieces.length)]);
            } else {
                edited.deleteCharAt(at);
            }
        }
        return edited.toString();
    }
}
