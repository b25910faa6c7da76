package io.agentdlp.detection.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A compiled glob. In path mode {@code *} stays inside one path segment and {@code **} crosses
 * segments; otherwise {@code *} matches anything. {@code ?} is one character. Matching ignores
 * case when asked (hosts, e-mails, tool names).
 *
 * <p>The common shapes {@code *}, {@code prefix*} and {@code *suffix} (outside path mode) are
 * matched without a regex, so deciding allocates nothing; they keep the regex's meaning exactly,
 * including that {@code *} (regex {@code .*}) does not cross a line terminator.
 */
final class Glob {
    private enum Shape { LITERAL, ANY, PREFIX, SUFFIX, REGEX }

    private final String source;
    private final Shape shape;
    /** The literal, or the fixed part of a prefix/suffix glob. */
    private final String fixed;
    private final Pattern pattern;
    private final boolean ignoreCase;

    private Glob(String source, Shape shape, String fixed, Pattern pattern, boolean ignoreCase) {
        this.source = source;
        this.shape = shape;
        this.fixed = fixed;
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
    }

    static Glob compile(String glob, boolean pathMode, boolean ignoreCase) {
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
            return new Glob(glob, Shape.LITERAL, ignoreCase ? glob.toLowerCase(Locale.ROOT) : glob, null, ignoreCase);
        }
        int star = glob.indexOf('*');
        if (!pathMode && glob.indexOf('?') < 0 && star == glob.lastIndexOf('*')) {
            if (glob.length() == 1) {
                return new Glob(glob, Shape.ANY, "", null, ignoreCase);
            }
            if (star == glob.length() - 1) {
                return new Glob(glob, Shape.PREFIX, glob.substring(0, star), null, ignoreCase);
            }
            if (star == 0) {
                return new Glob(glob, Shape.SUFFIX, glob.substring(1), null, ignoreCase);
            }
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean dbl = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (dbl) {
                    i++;
                    // "**/" also matches zero directories
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        re.append("(?:.*/)?");
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append(pathMode ? "[^/]*" : ".*");
                }
            } else if (c == '?') {
                re.append(pathMode ? "[^/]" : ".");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return new Glob(glob, Shape.REGEX, null, Pattern.compile(re.toString(), flags), ignoreCase);
    }

    boolean matches(String value) {
        if (value == null) {
            return false;
        }
        int n = value.length();
        int k = fixed == null ? 0 : fixed.length();
        return switch (shape) {
            case LITERAL -> ignoreCase ? fixed.equalsIgnoreCase(value) : fixed.equals(value);
            case ANY -> noLineTerminator(value, 0, n);
            case PREFIX -> n >= k && value.regionMatches(ignoreCase, 0, fixed, 0, k) && noLineTerminator(value, k, n);
            case SUFFIX -> n >= k && value.regionMatches(ignoreCase, n - k, fixed, 0, k) && noLineTerminator(value, 0, n - k);
            case REGEX -> pattern.matcher(value).matches();
        };
    }

    /** True for a pattern without wildcards: it is more specific than any wildcard pattern. */
    boolean exact() {
        return shape == Shape.LITERAL;
    }

    /** The literal value of an exact pattern (lower-cased when matching ignores case), else null. */
    String literal() {
        return shape == Shape.LITERAL ? fixed : null;
    }

    /** The glob as written. */
    @Override
    public String toString() {
        return source;
    }

    /** What regex {@code .} refuses to match without DOTALL. */
    private static boolean noLineTerminator(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }
}
