package io.agentdlp.launcher.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expands the path arguments of {@code agentdlp scan} into inputs, in a deterministic order: files as
 * given, directories walked recursively (sorted, symbolic links not followed, {@code .git} skipped),
 * {@code -} for standard input. Missing paths are collected as problems rather than stopping the walk.
 */
public final class ScanInputs {
    private final List<ScanInput> inputs = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ScanInputs() {
    }

    public static ScanInputs expand(List<String> arguments) {
        ScanInputs s = new ScanInputs();
        for (String arg : arguments) {
            if (ScanInput.STDIN.equals(arg)) {
                s.inputs.add(new ScanInput(ScanInput.STDIN, null, null));
                continue;
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                s.walk(arg, p);
            } else if (Files.isRegularFile(p)) {
                s.inputs.add(new ScanInput(arg, null, p));
            } else {
                s.problems.add(arg + ": no such file or directory");
            }
        }
        return s;
    }

    private void walk(String rootArg, Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(file + ": " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing(f -> root.relativize(f).toString()));
        for (Path f : files) {
            inputs.add(new ScanInput(root.relativize(f).toString(), rootArg, f));
        }
    }

    public List<ScanInput> inputs() {
        return inputs;
    }

    /** Paths that could not be found or walked, each with the reason. */
    public List<String> problems() {
        return problems;
    }
}
