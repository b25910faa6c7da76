package io.agentdlp.detection.fingerprint;

import java.util.SplittableRandom;

/**
 * Deterministic generator of plausible Java-like and Python-like source files for tests: random
 * classes, methods, nested control flow and expression trees over a vocabulary of identifiers, so that
 * different seeds give files that share only generic structure.
 */
public final class SyntheticCode {
    private static final String[] WORDS = {"account", "balance", "buffer", "cache", "channel", "client", "config",
            "context", "count", "cursor", "delta", "entry", "event", "factory", "field", "handler", "index", "item",
            "key", "limit", "listener", "manager", "message", "node", "offset", "order", "owner", "parser", "path",
            "payload", "policy", "queue", "reader", "record", "region", "request", "result", "retry", "session",
            "size", "source", "state", "status", "stream", "target", "task", "timeout", "token", "total", "user",
            "value", "window", "writer", "zone"};
    private static final String[] TYPES = {"int", "long", "String", "boolean", "double", "List<String>",
            "Map<String, Long>", "byte[]", "Optional<Item>", "Duration"};
    private static final String[] BINARY = {"+", "-", "*", "/", "%", "&&", "||", "==", "!=", "<", ">", "<=", ">=",
            "&", "|", "^", "<<", ">>"};

    private final SplittableRandom random;
    private final StringBuilder out = new StringBuilder();
    private final String[] domain;
    private int indent;

    private SyntheticCode(long seed) {
        this.random = new SplittableRandom(seed);
        // every project has its own vocabulary: a dozen made-up words mixed into the common ones
        this.domain = new String[12];
        for (int i = 0; i < domain.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int c = 0; c < 4 + random.nextInt(4); c++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            domain[i] = w.toString();
        }
    }

    /** A Java-like file of roughly {@code methods} methods. */
    public static String java(long seed, int methods) {
        SyntheticCode g = new SyntheticCode(seed);
        g.javaFile(methods);
        return g.out.toString();
    }

    /** A Python-like file of roughly {@code functions} functions. */
    public static String python(long seed, int functions) {
        SyntheticCode g = new SyntheticCode(seed);
        g.pythonFile(functions);
        return g.out.toString();
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String identifier() {
        String w = random.nextInt(3) == 0 ? domain[random.nextInt(domain.length)] : word();
        return random.nextInt(2) == 0 ? w + capitalize(random.nextBoolean() ? word() : domain[random.nextInt(domain.length)]) : w;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void line(String s) {
        out.append("    ".repeat(indent)).append(s).append('\n');
    }

    private void javaFile(int methods) {
        line("package com.example." + word() + ";");
        line("");
        line("import java.util." + capitalize(word()) + ";");
        line("");
        line("/** Handles " + word() + " " + word() + ". */");
        line("public class " + capitalize(identifier()) + capitalize(word()) + " {");
        indent++;
        for (int i = 0; i < 2 + random.nextInt(3); i++) {
            line("private " + type() + " " + identifier() + ";");
        }
        for (int m = 0; m < methods; m++) {
            line("");
            if (random.nextInt(3) == 0) {
                line("// " + word() + " the " + word() + " before " + word());
            }
            StringBuilder params = new StringBuilder();
            int n = random.nextInt(4);
            for (int p = 0; p < n; p++) {
                params.append(p > 0 ? ", " : "").append(type()).append(' ').append(identifier());
            }
            line((random.nextBoolean() ? "public " : "private ") + (random.nextInt(4) == 0 ? "static " : "")
                    + type() + " " + identifier() + "(" + params + ") {");
            indent++;
            block(2 + random.nextInt(6), 0);
            line("return " + expression(2) + ";");
            indent--;
            line("}");
        }
        indent--;
        line("}");
    }

    private String type() {
        return TYPES[random.nextInt(TYPES.length)];
    }

    private void block(int statements, int depth) {
        for (int s = 0; s < statements; s++) {
            int kind = random.nextInt(depth >= 2 ? 5 : 9);
            switch (kind) {
                case 0, 1 -> line(type() + " " + identifier() + " = " + expression(3) + ";");
                case 2 -> line(identifier() + " " + (random.nextBoolean() ? "+=" : "=") + " " + expression(3) + ";");
                case 3 -> line(call(2) + ";");
                case 4 -> line("log.debug(\"" + word() + " {} {}\", " + identifier() + ", " + expression(1) + ");");
                case 5 -> {
                    line("if (" + expression(2) + ") {");
                    indent++;
                    block(1 + random.nextInt(3), depth + 1);
                    indent--;
                    if (random.nextBoolean()) {
                        line("} else {");
                        indent++;
                        block(1 + random.nextInt(2), depth + 1);
                        indent--;
                    }
                    line("}");
                }
                case 6 -> {
                    String v = identifier();
                    line("for (int " + v + " = 0; " + v + " < " + expression(1) + "; " + v + "++) {");
                    indent++;
                    block(1 + random.nextInt(3), depth + 1);
                    indent--;
                    line("}");
                }
                case 7 -> {
                    line("try {");
                    indent++;
                    block(1 + random.nextInt(2), depth + 1);
                    indent--;
                    line("} catch (" + capitalize(word()) + "Exception e) {");
                    indent++;
                    line("throw new IllegalStateException(\"" + word() + " failed\", e);");
                    indent--;
                    line("}");
                }
                default -> {
                    line("while (" + expression(2) + ") {");
                    indent++;
                    block(1 + random.nextInt(2), depth + 1);
                    indent--;
                    line("}");
                }
            }
        }
    }

    private String expression(int depth) {
        int kind = random.nextInt(depth <= 0 ? 3 : 7);
        return switch (kind) {
            case 0 -> identifier();
            case 1 -> random.nextInt(4) == 0 ? "\"" + word() + "\"" : Integer.toString(random.nextInt(1000));
            case 2 -> identifier() + "." + identifier();
            case 3, 4 -> expression(depth - 1) + " " + BINARY[random.nextInt(BINARY.length)] + " " + expression(depth - 1);
            case 5 -> call(depth - 1);
            default -> "(" + expression(depth - 1) + ")";
        };
    }

    private String call(int depth) {
        StringBuilder sb = new StringBuilder();
        if (random.nextBoolean()) {
            sb.append(identifier()).append('.');
        }
        sb.append(identifier()).append('(');
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append(expression(Math.max(0, depth)));
        }
        return sb.append(')').toString();
    }

    private void pythonFile(int functions) {
        line("import " + word());
        line("from " + word() + " import " + capitalize(word()));
        line("");
        for (int f = 0; f < functions; f++) {
            line("");
            StringBuilder params = new StringBuilder();
            int n = random.nextInt(4);
            for (int p = 0; p < n; p++) {
                params.append(p > 0 ? ", " : "").append(identifier());
            }
            line("def " + identifier() + "(" + params + "):");
            indent++;
            if (random.nextBoolean()) {
                line("\"\"\"" + capitalize(word()) + " the " + word() + ".\"\"\"");
            }
            pyBlock(2 + random.nextInt(5), 0);
            line("return " + pyExpression(2));
            indent--;
        }
    }

    private void pyBlock(int statements, int depth) {
        for (int s = 0; s < statements; s++) {
            int kind = random.nextInt(depth >= 2 ? 3 : 6);
            switch (kind) {
                case 0, 1 -> line(identifier() + " = " + pyExpression(3));
                case 2 -> line(identifier() + "." + identifier() + "(" + pyExpression(1) + ", " + pyExpression(1) + ")");
                case 3 -> {
                    line("if " + pyExpression(2) + ":");
                    indent++;
                    pyBlock(1 + random.nextInt(3), depth + 1);
                    indent--;
                }
                case 4 -> {
                    line("for " + identifier() + " in " + identifier() + "." + identifier() + "():");
                    indent++;
                    pyBlock(1 + random.nextInt(3), depth + 1);
                    indent--;
                }
                default -> {
                    line("with open(" + identifier() + ", \"" + word() + "\") as f:");
                    indent++;
                    pyBlock(1 + random.nextInt(2), depth + 1);
                    indent--;
                }
            }
        }
    }

    private String pyExpression(int depth) {
        int kind = random.nextInt(depth <= 0 ? 3 : 6);
        return switch (kind) {
            case 0 -> identifier();
            case 1 -> random.nextInt(3) == 0 ? "'" + word() + "'" : Integer.toString(random.nextInt(100));
            case 2 -> identifier() + "[" + random.nextInt(10) + "]";
            case 3, 4 -> pyExpression(depth - 1) + " " + new String[] {"+", "-", "*", "and", "or", "==", "<"}[random.nextInt(7)]
                    + " " + pyExpression(depth - 1);
            default -> identifier() + "(" + pyExpression(depth - 1) + ")";
        };
    }
}
