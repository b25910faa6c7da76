package io.agentdlp.detection.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A compiled glob. In path mode {@code *} stays inside one path segment and {@code **} crosses
 * segments; otherwise {@code *} matches anything. {@code ?} is one character. Matching ignores
 * case when asked (hosts, e-mails, tool names).
 */
final class Glob {
    private final String literal;
    private final Pattern pattern;
    private final boolean ignoreCase;

    private Glob(String literal, Pattern pattern, boolean ignoreCase) {
        this.literal = literal;
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
    }

    static Glob compile(String glob, boolean pathMode, boolean ignoreCase) {
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
            return new Glob(ignoreCase ? glob.toLowerCase(Locale.ROOT) : glob, null, ignoreCase);
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
        return new Glob(null, Pattern.compile(re.toString(), flags), ignoreCase);
    }

    boolean matches(String value) {
        if (value == null) {
            return false;
        }
        if (literal != null) {
            return ignoreCase ? literal.equalsIgnoreCase(value) : literal.equals(value);
        }
        return pattern.matcher(value).matches();
    }

    /** True for a pattern without wildcards: it is more specific than any wildcard pattern. */
    boolean exact() {
        return literal != null;
    }
}
