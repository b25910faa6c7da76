package io.agentdlp.detection.fingerprint.sourcetree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of one {@code .gitignore} file, the subset of gitignore(5) that source trees use: globs
 * with {@code *}, {@code ?}, {@code [...]} and {@code **}; {@code !} negation; a trailing {@code /} for
 * directories only; patterns with a slash anchored to the file's directory, others matching a name at
 * any depth; {@code #} comments and {@code \} escapes. Later rules win over earlier ones.
 */
public final class GitIgnore {
    private record Rule(Pattern pattern, boolean negate, boolean directoryOnly, boolean basenameOnly) {
    }

    private final List<Rule> rules;

    private GitIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    /** Rules of the file at {@code path}; no rules when it does not exist. */
    public static GitIgnore read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return parse(List.of());
        }
        return parse(Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    public static GitIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negate = false;
            if (line.startsWith("!")) {
                negate = true;
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean directoryOnly = line.endsWith("/");
            if (directoryOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            rules.add(new Rule(Pattern.compile(globToRegex(line)), negate, directoryOnly, !anchored));
        }
        return new GitIgnore(List.copyOf(rules));
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Whether this file's rules ignore {@code relativePath} (relative to the file's directory, {@code /}
     * separators): TRUE or FALSE from the last matching rule, null when no rule matches.
     */
    public Boolean ignores(String relativePath, boolean directory) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (r.directoryOnly() && !directory) {
                continue;
            }
            if (r.pattern().matcher(r.basenameOnly() ? name : relativePath).matches()) {
                return !r.negate();
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < n && glob.charAt(i + 1) == '*') {
                        boolean slashBefore = i == 0 || glob.charAt(i - 1) == '/';
                        boolean slashAfter = i + 2 < n && glob.charAt(i + 2) == '/';
                        if (slashBefore && slashAfter) {
                            re.append("(?:.*/)?");
                            i += 2;
                        } else {
                            re.append(".*");
                            i++;
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        re.append('[').append(set.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < n) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
