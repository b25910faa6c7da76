package io.agentdlp.detection.fingerprint;

/**
 * A source file of an evaluation corpus.
 *
 * @param repo     library it belongs to
 * @param path     path inside the library
 * @param language {@code java}, {@code kotlin}, {@code scala}, {@code js} or {@code python}
 * @param text     content
 */
record SourceFile(String repo, String path, String language, String text) {
    static String languageOf(String path) {
        if (path.endsWith(".java")) {
            return "java";
        }
        if (path.endsWith(".kt")) {
            return "kotlin";
        }
        if (path.endsWith(".scala")) {
            return "scala";
        }
        if (path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".cjs") || path.endsWith(".ts")) {
            return "js";
        }
        if (path.endsWith(".py")) {
            return "python";
        }
        return null;
    }
}
