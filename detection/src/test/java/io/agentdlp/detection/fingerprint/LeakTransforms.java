package io.agentdlp.detection.fingerprint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The ways an agent's outgoing text carries a copied window of code, written independently of the
 * fingerprint lexer (they know each language's own keywords, strings and comments) so that the
 * evaluation measures the detector rather than its own assumptions.
 */
final class LeakTransforms {
    /** The transforms of the evaluation, in report order. */
    enum Transform { VERBATIM, REFORMATTED, COMMENTS_STRIPPED, RENAMED, CHAT_PROMPT, JSON_BODY, LINE_NUMBERED }

    private static final Set<String> JAVA = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits", "non");
    private static final Set<String> KOTLIN = Set.of("as", "break", "class", "continue", "do", "else", "false", "for",
            "fun", "if", "in", "interface", "is", "null", "object", "package", "return", "super", "this", "throw",
            "true", "try", "typealias", "typeof", "val", "var", "when", "while", "by", "catch", "constructor",
            "delegate", "dynamic", "field", "file", "finally", "get", "import", "init", "param", "property",
            "receiver", "set", "setparam", "value", "where", "abstract", "actual", "annotation", "companion", "const",
            "crossinline", "data", "enum", "expect", "external", "final", "infix", "inline", "inner", "internal",
            "lateinit", "noinline", "open", "operator", "out", "override", "private", "protected", "public", "reified",
            "sealed", "suspend", "tailrec", "vararg", "it");
    private static final Set<String> SCALA = Set.of("abstract", "case", "catch", "class", "def", "do", "else",
            "extends", "false", "final", "finally", "for", "forSome", "if", "implicit", "import", "lazy", "match",
            "new", "null", "object", "override", "package", "private", "protected", "return", "sealed", "super",
            "this", "throw", "trait", "try", "true", "type", "val", "var", "while", "with", "yield", "given", "using",
            "then", "end", "enum", "export", "extension");
    private static final Set<String> JS = Set.of("break", "case", "catch", "class", "const", "continue", "debugger",
            "default", "delete", "do", "else", "export", "extends", "finally", "for", "function", "if", "import", "in",
            "instanceof", "new", "return", "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while",
            "with", "yield", "let", "static", "enum", "await", "async", "of", "null", "true", "false", "undefined",
            "arguments", "get", "set");
    private static final Set<String> PYTHON = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "self");
    private static final List<String> OPENERS = List.of(
            "Can you help me find the bug in this code? It throws in production.",
            "Refactor this to be more readable please:",
            "Here's the relevant part of our service, why is it slow?",
            "Explain what this does, I inherited it from a colleague.",
            "Please write unit tests for the following.");
    private static final List<String> CLOSERS = List.of("Thanks!", "Keep the public API the same.",
            "We're on the latest version, if that matters.", "Don't change the behaviour, just clean it up.", "");

    private LeakTransforms() {
    }

    static String apply(Transform t, String window, String language, int firstLine, SplittableRandom random) {
        return switch (t) {
            case VERBATIM -> window;
            case REFORMATTED -> reformat(window, language);
            case COMMENTS_STRIPPED -> stripComments(window, language);
            case RENAMED -> rename(window, language, random);
            case CHAT_PROMPT -> chat(window, language, random);
            case JSON_BODY -> jsonBody(chat(window, language, random));
            case LINE_NUMBERED -> lineNumbered(window, firstLine, random.nextBoolean());
        };
    }

    static String chat(String code, String language, SplittableRandom random) {
        return OPENERS.get(random.nextInt(OPENERS.size())) + "\n\n```" + language + "\n" + code
                + (code.endsWith("\n") ? "" : "\n") + "```\n\n" + CLOSERS.get(random.nextInt(CLOSERS.size())) + "\n";
    }

    /** An Anthropic Messages API request carrying {@code prompt}. */
    static String jsonBody(String prompt) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":4096,\"system\":\"You are a coding assistant.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + jsonEscape(prompt)
                + "\"}]}]}";
    }

    static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String lineNumbered(String window, int firstLine, boolean arrows) {
        StringBuilder sb = new StringBuilder();
        String[] lines = window.split("\n", -1);
        int n = window.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            sb.append(arrows ? String.format("%6d\u2192%s%n", firstLine + i, lines[i])
                    : String.format("%6d\t%s%n", firstLine + i, lines[i]));
        }
        return sb.toString();
    }

    /**
     * Whitespace-only reformatting a formatter or an editor would do: indentation recomputed (two
     * spaces per brace level, or tabs), opening braces moved to their own line, runs of spaces collapsed,
     * blank lines dropped, long argument lists wrapped after commas. Python keeps its indentation.
     */
    static String reformat(String window, String language) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean python = language.equals("python");
        for (String raw : window.split("\n", -1)) {
            String line = collapseSpaces(raw.strip());
            if (line.isEmpty()) {
                continue;
            }
            if (python) {
                out.append(raw.stripTrailing().replace("    ", "  ")).append('\n');
                continue;
            }
            if (line.startsWith("}")) {
                depth = Math.max(0, depth - 1);
            }
            String indent = "\t".repeat(depth);
            if (line.endsWith("{") && line.length() > 1 && !line.startsWith("}")) {
                out.append(indent).append(line, 0, line.length() - 1).append('\n').append(indent).append("{\n");
            } else if (line.length() > 50 && outsideStringsIndexOf(line, ", ") > 0) {
                int comma = outsideStringsIndexOf(line, ", ");
                out.append(indent).append(line, 0, comma + 1).append('\n').append(indent).append("        ")
                        .append(line, comma + 2, line.length()).append('\n');
            } else {
                out.append(indent).append(line).append('\n');
            }
            depth += count(line, '{') - count(line, '}') + (line.startsWith("}") ? 1 : 0);
            depth = Math.max(0, depth);
        }
        return out.toString();
    }

    /** Index of {@code needle} outside string and char literals, or -1. */
    private static int outsideStringsIndexOf(String line, String needle) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (line.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Collapses runs of spaces outside string literals. */
    private static String collapseSpaces(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                sb.append(c);
                if (c == '\\' && i + 1 < line.length()) {
                    sb.append(line.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
                sb.append(c);
            } else if (c == ' ' && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                continue;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Removes comments (string-aware): {@code //} and block comments, or {@code #} for Python. */
    static String stripComments(String window, String language) {
        StringBuilder sb = new StringBuilder(window.length());
        boolean python = language.equals("python");
        int n = window.length();
        int i = 0;
        char quote = 0;
        while (i < n) {
            char c = window.charAt(i);
            if (quote != 0) {
                sb.append(c);
                if (c == '\\' && i + 1 < n) {
                    sb.append(window.charAt(++i));
                } else if (c == quote || (c == '\n' && quote != '`')) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == '"' || (c == '\'' && !language.equals("scala") && !language.equals("kotlin")) || c == '`') {
                quote = c;
                sb.append(c);
                i++;
            } else if (!python && c == '/' && i + 1 < n && window.charAt(i + 1) == '/') {
                while (i < n && window.charAt(i) != '\n') {
                    i++;
                }
            } else if (!python && c == '/' && i + 1 < n && window.charAt(i + 1) == '*') {
                int end = window.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (python && c == '#') {
                while (i < n && window.charAt(i) != '\n') {
                    i++;
                }
            } else {
                sb.append(c);
                i++;
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : sb.toString().split("\n", -1)) {
            if (!line.isBlank()) {
                out.append(line.stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Consistent renaming of every identifier that is not a keyword of the window's language, outside
     * string literals and comments (which the detector ignores anyway): what an agent asked to "clean up
     * the names" produces.
     */
    static String rename(String window, String language, SplittableRandom random) {
        Set<String> keywords = switch (language) {
            case "kotlin" -> KOTLIN;
            case "scala" -> SCALA;
            case "js" -> JS;
            case "python" -> PYTHON;
            default -> JAVA;
        };
        Map<String, String> names = new HashMap<>();
        StringBuilder sb = new StringBuilder(window.length() + 64);
        int n = window.length();
        int i = 0;
        char quote = 0;
        int salt = random.nextInt(1000);
        while (i < n) {
            char c = window.charAt(i);
            if (quote != 0) {
                sb.append(c);
                if (c == '\\' && i + 1 < n) {
                    sb.append(window.charAt(++i));
                } else if (c == quote || (c == '\n' && quote != '`')) {
                    quote = 0;
                }
                i++;
            } else if (c == '"' || c == '`' || (c == '\'' && !language.equals("scala"))) {
                quote = c;
                sb.append(c);
                i++;
            } else if (Character.isJavaIdentifierStart(c) && (i == 0 || !Character.isJavaIdentifierPart(window.charAt(i - 1)))) {
                int j = i;
                while (j < n && Character.isJavaIdentifierPart(window.charAt(j))) {
                    j++;
                }
                String word = window.substring(i, j);
                if (keywords.contains(word)) {
                    sb.append(word);
                } else {
                    sb.append(names.computeIfAbsent(word, w -> "n" + salt + "_" + names.size()));
                }
                i = j;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
