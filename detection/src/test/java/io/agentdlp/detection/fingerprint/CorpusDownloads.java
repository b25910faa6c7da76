package io.agentdlp.detection.fingerprint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Fetches open-source code for the evaluation at run time (never committed): Maven Central
 * {@code -sources.jar}s and npm tarballs, cached under {@code ~/.cache/agentdlp-eval} (or
 * {@code -Dagentdlp.eval.cache=DIR}). Each archive becomes the source files of one "repo".
 */
final class CorpusDownloads {
    private static final int MAX_FILE_BYTES = 512 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private CorpusDownloads() {
    }

    static Path cacheDirectory() {
        String configured = System.getProperty("agentdlp.eval.cache");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "agentdlp-eval");
    }

    /** Source files of {@code group:artifact:version}'s sources jar on Maven Central. */
    static List<SourceFile> mavenSources(String coordinates) throws IOException, InterruptedException {
        String[] gav = coordinates.split(":");
        String url = "https://repo1.maven.org/maven2/" + gav[0].replace('.', '/') + "/" + gav[1] + "/" + gav[2] + "/"
                + gav[1] + "-" + gav[2] + "-sources.jar";
        byte[] jar = fetch(url, gav[1] + "-" + gav[2] + "-sources.jar");
        List<SourceFile> out = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String language = SourceFile.languageOf(e.getName());
                if (e.isDirectory() || language == null) {
                    continue;
                }
                byte[] content = zip.readAllBytes();
                if (content.length <= MAX_FILE_BYTES) {
                    out.add(new SourceFile(gav[1], e.getName(), language, new String(content, StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    /** Source files of an npm package tarball ({@code name@version}), minified bundles excluded. */
    static List<SourceFile> npmSources(String nameAtVersion) throws IOException, InterruptedException {
        int at = nameAtVersion.lastIndexOf('@');
        String name = nameAtVersion.substring(0, at);
        String version = nameAtVersion.substring(at + 1);
        String base = name.substring(name.lastIndexOf('/') + 1);
        byte[] tgz = fetch("https://registry.npmjs.org/" + name + "/-/" + base + "-" + version + ".tgz",
                base + "-" + version + ".tgz");
        List<SourceFile> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String entry = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                byte type = header[156];
                byte[] content = in.readNBytes((int) size);
                long pad = (512 - size % 512) % 512;
                in.skipNBytes(pad);
                String path = prefix.isEmpty() ? entry : prefix + "/" + entry;
                String language = SourceFile.languageOf(path);
                if ((type == '0' || type == 0) && language != null && !path.contains(".min.") && !path.contains("/dist/")
                        && content.length <= MAX_FILE_BYTES) {
                    out.add(new SourceFile(base, path, language, new String(content, StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }

    private static byte[] fetch(String url, String fileName) throws IOException, InterruptedException {
        Path cached = cacheDirectory().resolve(fileName);
        if (Files.isRegularFile(cached)) {
            return Files.readAllBytes(cached);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " returned " + response.statusCode());
        }
        Files.createDirectories(cached.getParent());
        Path tmp = Files.createTempFile(cached.getParent(), fileName, ".part");
        Files.write(tmp, response.body());
        Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING);
        return response.body();
    }
}
