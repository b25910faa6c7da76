package io.agentdlp.detection.secret;

import java.util.regex.Pattern;

/**
 * Allow patterns that rule files share (the generic rules' "this value is an identifier, a path, a
 * number, a file name" list), matched by hand: one is recognised by its exact source text and no flags,
 * and {@link #matches} answers what {@code Pattern.compile(source).matcher(value).find()} answers, for
 * any value. The regex engine walks every alternative of a rule's allow union over the value; these
 * mostly stop at the value's first chars. Any other allow pattern keeps its regex.
 *
 * <p>Java's {@code $} without {@code MULTILINE} also matches before one line terminator that ends the
 * input ({@code \n}, {@code \r\n}, {@code \r}, {@code \u0085}, {@code \u2028}, {@code \u2029}), and
 * {@code \w}, {@code \d} and {@code (?i)} (without {@code u}) are ASCII-only: {@link #contentEnd} and
 * the char tests below follow that. {@code AllowShapeTest} compares every shape with its regex on
 * generated values.
 */
enum AllowShape {
    LETTERS("^[A-Za-z]+$") {
        @Override
        boolean matches(String v) {
            int end = contentEnd(v);
            return end > 0 && run(v, 0, end, AllowShape::isLetter) == end;
        }
    },
    DOTTED_IDENTIFIER("^[A-Za-z_$][\\w$]*+(?:\\.[A-Za-z_$][\\w$]*+)+$") {
        @Override
        boolean matches(String v) {
            int end = contentEnd(v);
            int segments = 0;
            int i = 0;
            while (true) {
                if (i >= end || !isIdentifierStart(v.charAt(i))) {
                    return false;
                }
                i = run(v, i + 1, end, AllowShape::isIdentifierPart);
                segments++;
                if (i == end) {
                    return segments >= 2;
                }
                if (v.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
    },
    SNAKE("^[a-z]++(?:_[a-z]++)+$") {
        @Override
        boolean matches(String v) {
            return separatedRuns(v, '_', AllowShape::isLower, AllowShape::isLower);
        }
    },
    SCREAMING_SNAKE("^[A-Z]++(?:_[A-Z0-9]++)+$") {
        @Override
        boolean matches(String v) {
            return separatedRuns(v, '_', AllowShape::isUpper, c -> isUpper(c) || isDigit(c));
        }
    },
    PATH_START("^[~.]?/") {
        @Override
        boolean matches(String v) {
            int i = v.length() > 0 && (v.charAt(0) == '~' || v.charAt(0) == '.') ? 1 : 0;
            return i < v.length() && v.charAt(i) == '/';
        }
    },
    WINDOWS_PATH("^[A-Za-z]:\\\\") {
        @Override
        boolean matches(String v) {
            return v.length() >= 3 && isLetter(v.charAt(0)) && v.charAt(1) == ':' && v.charAt(2) == '\\';
        }
    },
    OPERATOR_START("^[!&*|>%$@+\\-]") {
        @Override
        boolean matches(String v) {
            return v.length() > 0 && "!&*|>%$@+-".indexOf(v.charAt(0)) >= 0;
        }
    },
    KEBAB("^[a-z]++(?:-[a-z]++)+$") {
        @Override
        boolean matches(String v) {
            return separatedRuns(v, '-', AllowShape::isLower, AllowShape::isLower);
        }
    },
    RELATIVE_PATH("^[-.a-z_]*+(?:/[-.a-z_]++)+/?$") {
        @Override
        boolean matches(String v) {
            int end = contentEnd(v);
            // the runs are possessive and '/' is outside their class, so the value splits at each '/'
            int i = run(v, 0, end, AllowShape::isPathChar);
            int segments = 0;
            while (i < end && v.charAt(i) == '/') {
                int next = run(v, i + 1, end, AllowShape::isPathChar);
                if (next == i + 1) {
                    // an empty segment: only the optional trailing '/' may follow the last one
                    return segments > 0 && i + 1 == end;
                }
                segments++;
                i = next;
            }
            return segments > 0 && i == end;
        }
    },
    KEYWORD_LITERAL("(?i)^(?:true|false|null|none|nil|undefined|required|optional|string|number|boolean|env|secret|password|token)$") {
        private final String[] words = {"true", "false", "null", "none", "nil", "undefined", "required", "optional",
                "string", "number", "boolean", "env", "secret", "password", "token"};

        @Override
        boolean matches(String v) {
            int end = contentEnd(v);
            for (String w : words) {
                if (end == w.length() && v.regionMatches(true, 0, w, 0, end) && isAscii(v, 0, end)) {
                    return true;
                }
            }
            return false;
        }
    },
    DIGITS("^\\d+$") {
        @Override
        boolean matches(String v) {
            int end = contentEnd(v);
            return end > 0 && run(v, 0, end, AllowShape::isDigit) == end;
        }
    },
    HTTP_URL("(?i)^https?:") {
        @Override
        boolean matches(String v) {
            if (!startsWithIgnoringAsciiCase(v, 0, "http")) {
                return false;
            }
            int i = 4;
            if (i < v.length() && (v.charAt(i) == 's' || v.charAt(i) == 'S')) {
                i++;
            }
            return i < v.length() && v.charAt(i) == ':';
        }
    },
    FILE_NAME("(?i)\\.(?:pem|key|crt|json|ya?ml|txt|env|p12|pfx|jks)$") {
        private final String[] extensions = {"pem", "key", "crt", "json", "yaml", "yml", "txt", "env", "p12", "pfx", "jks"};

        @Override
        boolean matches(String v) {
            int end = contentEnd(v);
            // $ also matches at the very end when a line terminator ends the value
            return endsWithExtension(v, end) || end < v.length() && endsWithExtension(v, v.length());
        }

        private boolean endsWithExtension(String v, int end) {
            for (String e : extensions) {
                int dot = end - e.length() - 1;
                if (dot >= 0 && v.charAt(dot) == '.' && startsWithIgnoringAsciiCase(v, dot + 1, e)) {
                    return true;
                }
            }
            return false;
        }
    };

    private final String source;
    /** What {@link Pattern#flags()} reports for the source compiled without flags: its leading inline flags. */
    private final int flags;

    AllowShape(String source) {
        this.source = source;
        this.flags = Pattern.compile(source).flags();
    }

    /** Whether the regex finds a match in {@code value}. */
    abstract boolean matches(String value);

    /** The hand-matched form of {@code allow}, or null when it is not one of these shapes. */
    static AllowShape of(Pattern allow) {
        for (AllowShape s : values()) {
            if (s.source.equals(allow.pattern()) && s.flags == allow.flags()) {
                return s;
            }
        }
        return null;
    }

    /** The regex this shape stands for. */
    String source() {
        return source;
    }

    /**
     * Where a non-multiline {@code $} can match last: before a line terminator that ends the value, else
     * at its end. ({@code $} also matches at the very end; the shapes anchored at both ends cannot match
     * there when a terminator precedes it, since no run holds one.)
     */
    static int contentEnd(String v) {
        int n = v.length();
        if (n >= 2 && v.charAt(n - 2) == '\r' && v.charAt(n - 1) == '\n') {
            return n - 2;
        }
        if (n >= 1) {
            char c = v.charAt(n - 1);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return n - 1;
            }
        }
        return n;
    }

    private interface CharTest {
        boolean test(char c);
    }

    /** The end of the run of chars passing {@code t} from {@code from}, at most {@code end}. */
    private static int run(String v, int from, int end, CharTest t) {
        int i = from;
        while (i < end && t.test(v.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code ^[FIRST]++(?:SEP[REST]++)+$} where {@code SEP} is in neither class. */
    private static boolean separatedRuns(String v, char sep, CharTest first, CharTest rest) {
        int end = contentEnd(v);
        int i = run(v, 0, end, first);
        if (i == 0) {
            return false;
        }
        int runs = 0;
        while (i < end && v.charAt(i) == sep) {
            int next = run(v, i + 1, end, rest);
            if (next == i + 1) {
                return false;
            }
            runs++;
            i = next;
        }
        return runs > 0 && i == end;
    }

    private static boolean startsWithIgnoringAsciiCase(String v, int from, String lower) {
        return v.length() - from >= lower.length() && v.regionMatches(true, from, lower, 0, lower.length())
                && isAscii(v, from, from + lower.length());
    }

    /** {@code regionMatches(true, ...)} also folds non-ASCII chars (the Kelvin sign to k); {@code (?i)} does not. */
    private static boolean isAscii(String v, int from, int end) {
        for (int i = from; i < end; i++) {
            if (v.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isPathChar(char c) {
        return isLower(c) || c == '-' || c == '.' || c == '_';
    }
}
