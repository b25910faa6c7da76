package io.agentdlp.detection.secret;

/**
 * One rule's hand-matched allow shapes, asked together whether any of them matches a value. A shape anchored
 * at both ends can only match when every char of the value before a final line terminator (as far as
 * {@link AllowShape#contentEnd}) is one its classes admit, and when the value holds the separator its
 * repeated group needs ({@code .} of a dotted identifier, {@code _} of snake case, ...). One pass records the
 * value's char classes, and only the shapes these leave possible are tried: a secret of mixed letters and
 * digits leaves the prefix and suffix shapes only, which stop at its first or last chars, instead of walking
 * it once per anchored shape.
 */
final class AllowShapeSet {
    private static final int LOWER = 1;
    private static final int UPPER = 1 << 1;
    private static final int DIGIT = 1 << 2;
    private static final int UNDERSCORE = 1 << 3;
    private static final int DOLLAR = 1 << 4;
    private static final int DOT = 1 << 5;
    private static final int DASH = 1 << 6;
    private static final int SLASH = 1 << 7;
    /** Any other char, non-ASCII and line terminators inside the value included: no anchored shape admits it. */
    private static final int OTHER = 1 << 8;
    /** The admitted classes of a shape that is not anchored at both ends: it is always tried. */
    private static final int ANY = -1;
    private static final int[] ASCII_CLASS = new int[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_CLASS[c] = c >= 'a' && c <= 'z' ? LOWER : c >= 'A' && c <= 'Z' ? UPPER : c >= '0' && c <= '9' ? DIGIT
                    : c == '_' ? UNDERSCORE : c == '$' ? DOLLAR : c == '.' ? DOT : c == '-' ? DASH : c == '/' ? SLASH : OTHER;
        }
    }

    private final AllowShape[] shapes;
    /** Per shape: the classes a matching value may hold before its final line terminator. */
    private final int[] admitted;
    /** Per shape: the classes a matching value holds for sure. */
    private final int[] needed;

    AllowShapeSet(AllowShape[] shapes) {
        this.shapes = shapes.clone();
        this.admitted = new int[shapes.length];
        this.needed = new int[shapes.length];
        for (int k = 0; k < shapes.length; k++) {
            admitted[k] = admitted(shapes[k]);
            needed[k] = needed(shapes[k]);
        }
    }

    private static int admitted(AllowShape shape) {
        return switch (shape) {
            case LETTERS, KEYWORD_LITERAL -> LOWER | UPPER;
            case DOTTED_IDENTIFIER -> LOWER | UPPER | DIGIT | UNDERSCORE | DOLLAR | DOT;
            case SNAKE -> LOWER | UNDERSCORE;
            case SCREAMING_SNAKE -> UPPER | DIGIT | UNDERSCORE;
            case KEBAB -> LOWER | DASH;
            case RELATIVE_PATH -> LOWER | DASH | DOT | UNDERSCORE | SLASH;
            case DIGITS -> DIGIT;
            default -> ANY;
        };
    }

    private static int needed(AllowShape shape) {
        return switch (shape) {
            case DOTTED_IDENTIFIER -> DOT;
            case SNAKE, SCREAMING_SNAKE -> UNDERSCORE;
            case KEBAB -> DASH;
            case RELATIVE_PATH -> SLASH;
            default -> 0;
        };
    }

    /** Whether any of the shapes matches {@code value}: what their regexes' {@code find()} would answer. */
    boolean anyMatches(String value) {
        if (shapes.length == 0) {
            return false;
        }
        int end = AllowShape.contentEnd(value);
        int classes = 0;
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            classes |= c < 128 ? ASCII_CLASS[c] : OTHER;
        }
        for (int k = 0; k < shapes.length; k++) {
            if ((classes & ~admitted[k]) == 0 && (classes & needed[k]) == needed[k] && shapes[k].matches(value)) {
                return true;
            }
        }
        return false;
    }
}
