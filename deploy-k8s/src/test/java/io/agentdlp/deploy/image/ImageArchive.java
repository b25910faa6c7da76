package io.agentdlp.deploy.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A container image in {@code docker save} format (what {@code jib:buildTar} writes), unpacked into
 * a directory: {@code manifest.json}, the image configuration, and the layer files it names. The
 * system {@code tar} unpacks (the JDK has no tar reader); layers may be gzip-compressed or not.
 */
final class ImageArchive {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final JsonNode manifest;
    private final JsonNode config;

    private ImageArchive(Path dir, JsonNode manifest, JsonNode config) {
        this.dir = dir;
        this.manifest = manifest;
        this.config = config;
    }

    static ImageArchive unpack(Path tar, Path into) throws IOException {
        Files.createDirectories(into);
        runTar(List.of("-xf", tar.toString(), "-C", into.toString()));
        JsonNode manifest = JSON.readTree(into.resolve("manifest.json").toFile());
        JsonNode config = JSON.readTree(into.resolve(manifest.path(0).path("Config").asText()).toFile());
        return new ImageArchive(into, manifest, config);
    }

    /** The array of {@code manifest.json}: one entry per image in the archive. */
    JsonNode manifest() {
        return manifest;
    }

    /** The image configuration (OCI/Docker image config: {@code config}, {@code rootfs}, ...). */
    JsonNode config() {
        return config;
    }

    List<Path> layers() {
        List<Path> layers = new ArrayList<>();
        manifest.path(0).path("Layers").forEach(l -> layers.add(dir.resolve(l.asText())));
        return layers;
    }

    /** {@code sha256:<hex>} of the layer's uncompressed tar: what {@code rootfs.diff_ids} lists. */
    static String diffId(Path layer) {
        try (InputStream raw = Files.newInputStream(layer)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(isGzip(layer) ? new GZIPInputStream(raw, 1 << 16) : raw, sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read layer " + layer, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies the layers in order into {@code root}: the image's filesystem as a container sees it. */
    void extractFilesystem(Path root) throws IOException {
        Files.createDirectories(root);
        for (Path layer : layers()) {
            runTar(List.of("--no-same-owner", "-xf", layer.toString(), "-C", root.toString()));
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static void runTar(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("tar");
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("tar " + args + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running tar " + args, e);
        }
    }
}
