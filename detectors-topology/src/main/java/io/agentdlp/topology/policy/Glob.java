package io.agentdlp.topology.policy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A compiled glob. Path globs: {@code **} crosses directories, {@code *} and {@code ?} stay within
 * one, backslashes are read as {@code /}, and a glob without a slash matches a file name in any
 * directory. Host globs: case-insensitive, {@code *} matches any characters including dots, so
 * {@code *.example.com} matches every subdomain (but not {@code example.com} itself).
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;
    private final String literal;

    /**
     * @param literal the glob's longest run of plain characters: every value the pattern matches contains
     *                it, so a value without it is rejected before running the regex (most paths and hosts
     *                checked against sensitive-path and policy globs match none)
     */
    private Glob(String text, Pattern pattern, String literal) {
        this.text = text;
        this.pattern = pattern;
        this.literal = literal;
    }

    /** A glob over file paths. */
    public static Glob path(String glob) {
        String g = glob.trim().replace('\\', '/');
        if (!g.contains("/")) {
            g = "**/" + g;
        }
        StringBuilder re = new StringBuilder();
        Literals literals = new Literals();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                literals.wildcard();
                i += slashAfter ? 3 : 2;
                continue;
            }
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            if (c == '*' || c == '?') {
                literals.wildcard();
            } else {
                literals.plain(c);
            }
            i++;
        }
        return new Glob(glob, Pattern.compile(re.toString()), literals.longest());
    }

    /** A case-insensitive glob over host names (or other dot-separated names: MCP servers, remotes). */
    public static Glob host(String glob) {
        StringBuilder re = new StringBuilder();
        Literals literals = new Literals();
        for (char c : glob.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            if (c == '*' || c == '?') {
                literals.wildcard();
            } else {
                literals.plain(c);
            }
        }
        return new Glob(glob, Pattern.compile(re.toString()), literals.longest());
    }

    public boolean matches(String value) {
        if (value == null || !value.contains(literal)) {
            return false;
        }
        return pattern.matcher(value).matches();
    }

    /** Path match with the same separator normalisation as the glob. */
    public boolean matchesPath(String path) {
        return path != null && matches(normalisedPath(path));
    }

    /** Host match, case-insensitive. */
    public boolean matchesHost(String host) {
        return host != null && matches(normalisedHost(host));
    }

    /** Whether any glob matches the path, normalised once for all of them (as {@link #matchesPath}). */
    public static boolean anyPath(List<Glob> globs, String path) {
        if (path == null) {
            return false;
        }
        String normalised = normalisedPath(path);
        for (Glob g : globs) {
            if (g.matches(normalised)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any glob matches the host, lower-cased once for all of them (as {@link #matchesHost}). */
    public static boolean anyHost(List<Glob> globs, String host) {
        if (host == null) {
            return false;
        }
        String lower = normalisedHost(host);
        for (Glob g : globs) {
            if (g.matches(lower)) {
                return true;
            }
        }
        return false;
    }

    /** Tracks the longest run of plain characters while a glob is compiled. */
    private static final class Literals {
        private final StringBuilder run = new StringBuilder();
        private String longest = "";

        void plain(char c) {
            run.append(c);
            if (run.length() > longest.length()) {
                longest = run.toString();
            }
        }

        void wildcard() {
            run.setLength(0);
        }

        String longest() {
            return longest;
        }
    }

    @Override
    public String toString() {
        return text;
    }

    private static String normalisedPath(String path) {
        return path.replace('\\', '/');
    }

    private static String normalisedHost(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
