package io.agentdlp.detection.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a shell command line into simple commands: quote-aware tokens, split at unquoted
 * {@code | || && ; &} and newlines; {@code sh -c '...'} bodies are parsed recursively (bounded
 * depth). It is a recogniser for detection, not a shell: it never expands variables or runs anything.
 */
public final class ShellParser {
    private static final int MAX_DEPTH = 3;
    private static final int MAX_COMMANDS = 256;
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "fish");
    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "time", "nohup", "exec", "command", "nice",
            "ionice", "stdbuf", "doas", "xargs", "timeout", "watch", "caffeinate", "proxychains", "proxychains4", "torsocks");

    private ShellParser() {
    }

    public static List<ShellCommand> parse(String line) {
        List<ShellCommand> out = new ArrayList<>();
        parse(line, 0, out);
        return out;
    }

    private static void parse(String line, int depth, List<ShellCommand> out) {
        for (Words w : split(line)) {
            if (out.size() >= MAX_COMMANDS) {
                return;
            }
            ShellCommand c = unwrap(w.words(), w.redirects());
            if (c == null) {
                continue;
            }
            if (SHELLS.contains(c.program()) && depth < MAX_DEPTH) {
                int i = c.args().indexOf("-c");
                if (i >= 0 && i + 1 < c.args().size()) {
                    parse(c.args().get(i + 1), depth + 1, out);
                    continue;
                }
            }
            out.add(c);
        }
    }

    private static ShellCommand unwrap(List<String> words, List<String> redirects) {
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            if (isAssignment(w)) {
                i++;
                continue;
            }
            String prog = baseName(w);
            if (!WRAPPERS.contains(prog)) {
                return new ShellCommand(prog, words.subList(i + 1, words.size()), redirects);
            }
            i++;
            // Skip the wrapper's own options and, for timeout, its duration.
            while (i < words.size() && words.get(i).startsWith("-")) {
                String opt = words.get(i);
                i++;
                if (prog.equals("sudo") && (opt.equals("-u") || opt.equals("-g")) && i < words.size()) {
                    i++;
                }
            }
            if (prog.equals("timeout") && i < words.size()) {
                i++;
            }
        }
        return null;
    }

    private static boolean isAssignment(String w) {
        int eq = w.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int j = 0; j < eq; j++) {
            char c = w.charAt(j);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return !Character.isDigit(w.charAt(0));
    }

    static String baseName(String w) {
        int slash = Math.max(w.lastIndexOf('/'), w.lastIndexOf('\\'));
        String b = slash >= 0 ? w.substring(slash + 1) : w;
        return b.endsWith(".exe") ? b.substring(0, b.length() - 4) : b;
    }

    /** Words of one simple command and the targets of its redirections. */
    record Words(List<String> words, List<String> redirects) {
    }

    /** Quote-aware split into commands of words. */
    static List<Words> split(String line) {
        List<Words> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> redirects = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int parens = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                word.append(line, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    word.append(line.charAt(j));
                    j++;
                }
                inWord = true;
                i = j;
            } else if (c == '\\' && i + 1 < n) {
                if (line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i++;
            } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '(') {
                parens++;
                word.append("$(");
                inWord = true;
                i++;
            } else if (c == ')' && parens > 0) {
                parens--;
                word.append(c);
            } else if (parens > 0) {
                word.append(c);
                inWord = true;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '|' || c == '&' || c == ';' || c == '\n' || c == '(' || c == ')') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (c == '&' && i + 1 < n && line.charAt(i + 1) == '>') {
                    continue;
                }
                if (!words.isEmpty()) {
                    commands.add(new Words(words, redirects));
                    words = new ArrayList<>();
                    redirects = new ArrayList<>();
                }
            } else if (c == '>' || c == '<') {
                // A redirection and its target are not arguments; "2>" drops the descriptor number.
                if (inWord) {
                    if (!word.chars().allMatch(Character::isDigit)) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    inWord = false;
                }
                int j = i + 1;
                while (j < n && (line.charAt(j) == '>' || line.charAt(j) == '&' || line.charAt(j) == '<')) {
                    j++;
                }
                while (j < n && line.charAt(j) == ' ') {
                    j++;
                }
                int start = j;
                while (j < n && " \t\n|;&".indexOf(line.charAt(j)) < 0) {
                    j++;
                }
                if (j > start) {
                    redirects.add(line.substring(start, j));
                }
                i = j - 1;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(new Words(words, redirects));
        }
        return commands;
    }
}
