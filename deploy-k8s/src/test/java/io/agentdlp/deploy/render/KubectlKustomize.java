package io.agentdlp.deploy.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code kubectl kustomize}, when a kubectl with kustomize v5 or later is on the PATH. Older
 * kubectl builds (kustomize v2/v3, such as Debian's kubernetes-client 1.20) lack {@code labels}
 * and {@code patches} and are reported as unavailable rather than as a failure of the manifests.
 */
public final class KubectlKustomize {
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.");
    private final Path kubectl;

    private KubectlKustomize(Path kubectl) {
        this.kubectl = kubectl;
    }

    /** The kubectl on the PATH if its embedded kustomize is v5 or later. */
    public static Optional<KubectlKustomize> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                var k = new KubectlKustomize(candidate);
                Matcher m = KUSTOMIZE_VERSION.matcher(k.run(List.of("version", "--client"), Path.of(".")));
                return m.find() && Integer.parseInt(m.group(1)) >= 5 ? Optional.of(k) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    public List<ObjectNode> render(Path dir) {
        return Yaml.readAll(run(List.of("kustomize", dir.toString()), dir), dir);
    }

    private String run(List<String> args, Path where) {
        var command = new java.util.ArrayList<String>();
        command.add(kubectl.toString());
        command.addAll(args);
        try {
            Path err = Files.createTempFile("kubectl", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new KustomizeException(where, "kubectl " + args + " did not finish");
                }
                if (p.exitValue() != 0) {
                    throw new KustomizeException(where, "kubectl " + args + " failed: " + Files.readString(err).strip());
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new KustomizeException(where, "cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KustomizeException(where, "interrupted while running kubectl", e);
        }
    }
}
