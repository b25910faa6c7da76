package io.agentdlp.deploy.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs programs of an unpacked image filesystem with the image's own dynamic loader and libraries
 * instead of the host's, which is as close to starting the container as a machine without a container
 * runtime (and without root for chroot) gets: {@code <root>/lib64/ld-linux-x86-64.so.2 --library-path
 * <root>/lib/...:<root>/usr/lib/... <program>}.
 */
final class ImageLoader {
    private static final List<String> LOADERS = List.of("lib64/ld-linux-x86-64.so.2", "lib/ld-linux-aarch64.so.1");
    private final Path root;
    private final Path loader;
    private final String libraryPath;

    private ImageLoader(Path root, Path loader, String libraryPath) {
        this.root = root;
        this.loader = loader;
        this.libraryPath = libraryPath;
    }

    /** The loader of the image at {@code root}, if it has one of the architectures above. */
    static Optional<ImageLoader> of(Path root, List<String> extraLibraryDirs) throws IOException {
        Path loader = null;
        for (String candidate : LOADERS) {
            Path file = insideImage(root, root.resolve(candidate));
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                loader = file;
                break;
            }
        }
        if (loader == null) {
            return Optional.empty();
        }
        List<String> dirs = new ArrayList<>();
        for (String base : List.of("lib", "usr/lib")) {
            try (Stream<Path> children = Files.list(root.resolve(base))) {
                children.filter(d -> d.getFileName().toString().endsWith("-linux-gnu")).forEach(d -> dirs.add(d.toString()));
            }
        }
        extraLibraryDirs.forEach(d -> dirs.add(root.resolve(d).toString()));
        return Optional.of(new ImageLoader(root, loader, String.join(":", dirs)));
    }

    /**
     * Follows symbolic links the way they resolve in the container: Debian's {@code /lib64/ld-linux-x86-64.so.2}
     * is an absolute link, which on the host would point at the host's loader.
     */
    private static Path insideImage(Path root, Path file) throws IOException {
        Path current = file;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops > 16) {
                throw new IOException("symbolic link loop at " + file);
            }
            Path target = Files.readSymbolicLink(current);
            current = target.isAbsolute() ? root.resolve(target.toString().substring(1)) : current.resolveSibling(target);
        }
        return current.normalize();
    }

    /** Runs {@code program} (a path inside the image) with its arguments; stdout and stderr merged. */
    Result run(String program, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(loader.toString(), "--inhibit-cache", "--library-path", libraryPath,
                root.resolve(program).toString()));
        command.addAll(args);
        return exec(command);
    }

    /**
     * Where each shared library that {@code library} needs is found; a dependency the image lacks
     * shows as {@code not found} or as a host path (the loader falls back to the host's system
     * directories), so callers check that every path is inside the image.
     */
    List<String> resolvedDependencies(Path library) throws IOException {
        Result r = exec(List.of(loader.toString(), "--inhibit-cache", "--library-path", libraryPath, "--list", library.toString()));
        List<String> resolved = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            int arrow = line.indexOf("=>");
            if (arrow >= 0) {
                String target = line.substring(arrow + 2).strip();
                int address = target.indexOf(" (0x");
                resolved.add(line.substring(0, arrow).strip() + " => " + (address >= 0 ? target.substring(0, address) : target));
            }
        }
        return resolved;
    }

    private static Result exec(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("did not finish: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
        return new Result(p.exitValue(), output);
    }

    record Result(int exitCode, String output) {}
}
