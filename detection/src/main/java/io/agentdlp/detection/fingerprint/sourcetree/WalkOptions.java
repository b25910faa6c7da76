package io.agentdlp.detection.fingerprint.sourcetree;

import java.util.Set;

/**
 * What {@link SourceTreeWalker} indexes.
 *
 * @param maxFileBytes    larger files are skipped (generated or data, rarely hand-written code)
 * @param allTextFiles    index every text file, not only files with a source-code extension
 * @param defaultExcludes skip vendored, build-output and generated directories and files
 * @param honourGitIgnore apply {@code .gitignore} files and {@code .git/info/exclude}
 */
public record WalkOptions(long maxFileBytes, boolean allTextFiles, boolean defaultExcludes, boolean honourGitIgnore) {
    public static final WalkOptions DEFAULT = new WalkOptions(1L << 20, false, true, true);

    /** Extensions of the languages the lexer knows (and close relatives). */
    public static final Set<String> SOURCE_EXTENSIONS = Set.of("java", "kt", "kts", "scala", "sc", "groovy", "gradle",
            "py", "pyi", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "vue", "svelte", "go", "c", "h", "cc",
            "cpp", "cxx", "hpp", "hh", "hxx", "m", "mm", "cs", "fs", "rs", "rb", "rake", "php", "swift", "sql", "sh",
            "bash", "zsh", "ksh", "ps1", "lua", "pl", "pm", "r", "dart", "ex", "exs", "erl", "clj", "cljs", "hs", "jl",
            "proto", "tf", "hcl", "sol", "zig", "nim", "v", "vb");

    /** Directory names skipped by default: dependencies, build output, tool state, generated sources. */
    public static final Set<String> EXCLUDED_DIRECTORIES = Set.of(".git", ".hg", ".svn", "node_modules",
            "bower_components", "jspm_packages", "vendor", "third_party", "third-party", "thirdparty", "external",
            "build", "target", "dist", "out", "bin", "obj", ".gradle", ".mvn", ".idea", ".vscode", "__pycache__",
            ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", "site-packages", "Pods", "Carthage", ".next",
            ".nuxt", ".cache", "coverage", ".terraform", "generated", "gen", "generated-sources", ".dart_tool");

    public WalkOptions {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be >= 1");
        }
    }
}
