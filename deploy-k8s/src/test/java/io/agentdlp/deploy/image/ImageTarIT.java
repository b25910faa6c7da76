package io.agentdlp.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The container image that the {@code image} profile builds ({@code target/jib-image.tar}): its
 * manifest and configuration as Kubernetes will run it (non-root user, entrypoint, layers), its
 * filesystem (a Java runtime, the C and C++ runtime RocksDB needs, CA certificates, time zones, the
 * application), and that it starts: the image's own JRE, loaded with the image's own glibc, runs the
 * launcher and opens a RocksDB index.
 */
class ImageTarIT {
    private static final Path IMAGE = Path.of(System.getProperty("image.tar", "target/jib-image.tar"));
    private static final String JAVA = "opt/java/openjdk/bin/java";

    @TempDir
    static Path work;
    static ImageArchive archive;
    static Path root;

    @BeforeAll
    static void unpack() throws IOException {
        assumeTrue(Files.isRegularFile(IMAGE), "no " + IMAGE + ": the launcher's image profile did not run. It is active in CI "
                + "(CI set) where /usr/bin/dpkg-deb exists; locally build with -Pimage; see docs/deploy-k8s.md, 'Container image'");
        archive = ImageArchive.unpack(IMAGE, work.resolve("archive"));
        root = work.resolve("rootfs");
        archive.extractFilesystem(root);
    }

    @Test
    void manifestNamesTheImageAndEveryLayerMatchesItsDiffId() {
        assertThat(archive.manifest()).hasSize(1);
        assertThat(archive.manifest().path(0).path("RepoTags").get(0).asText())
                .isEqualTo(System.getProperty("image.name", "agentdlp/agentdlp:0.1.0-SNAPSHOT"));
        List<String> diffIds = new ArrayList<>();
        archive.config().path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
        List<String> actual = archive.layers().stream().map(ImageArchive::diffId).toList();
        // base: Debian userland + JRE; Jib: dependencies, snapshot dependencies, resources, classpath file, classes
        assertThat(actual).hasSizeGreaterThanOrEqualTo(5).isEqualTo(diffIds);
    }

    @Test
    void configurationRunsTheLauncherAsNonRootFromTmp() {
        JsonNode config = archive.config().path("config");
        assertThat(archive.config().path("os").asText()).isEqualTo("linux");
        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/tmp");
        List<String> entrypoint = strings(config.path("Entrypoint"));
        assertThat(entrypoint).startsWith("java").contains("-Djava.io.tmpdir=/tmp", "@/app/jib-classpath-file")
                .endsWith("io.agentdlp.launcher.AgentDlp");
        assertThat(strings(config.path("Env"))).contains("JAVA_HOME=/opt/java/openjdk")
                .anySatisfy(e -> assertThat(e).startsWith("PATH=/opt/java/openjdk/bin:"));
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        // reproducible: Jib and the base script both pin timestamps
        assertThat(archive.config().path("created").asText()).startsWith("1970-01-01");
    }

    @Test
    void filesystemHasTheRuntimeTheUserAndNoPrivilegedFiles() throws Exception {
        assertThat(root.resolve(JAVA)).isExecutable();
        assertThat(Files.readAllLines(root.resolve("etc/passwd"))).anySatisfy(l -> assertThat(l).startsWith("nonroot:x:65532:65532:"));
        assertThat(Files.readString(root.resolve("etc/group"))).contains("nonroot:x:65532:");
        assertThat(root.resolve("tmp")).isDirectory();
        assertThat((int) Files.getAttribute(root.resolve("tmp"), "unix:mode") & 01777).as("/tmp mode").isEqualTo(01777);
        assertThat(root.resolve("usr/share/zoneinfo/UTC")).isRegularFile();
        assertThat(Files.readString(root.resolve("etc/ssl/certs/ca-certificates.crt"))).contains("BEGIN CERTIFICATE");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(root.resolve("opt/java/openjdk/lib/security/cacerts"))) {
            trust.load(in, "changeit".toCharArray());
        }
        assertThat(trust.size()).as("Java trust store entries").isGreaterThan(100);
        assertThat(root.resolve("app/jib-classpath-file")).isRegularFile();
        assertThat(root.resolve("app/classes/io/agentdlp/launcher/AgentDlp.class")).isRegularFile();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> privileged = files.filter(f -> !Files.isSymbolicLink(f))
                    .filter(f -> (mode(f) & 06000) != 0).map(f -> root.relativize(f).toString()).toList();
            assertThat(privileged).as("setuid/setgid files").isEmpty();
        }
    }

    @Test
    void everyNativeLibraryResolvesInsideTheImage() throws IOException {
        ImageLoader loader = loader();
        List<Path> libraries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("opt/java/openjdk"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".so")).forEach(libraries::add);
        }
        libraries.add(rocksDbNativeLibrary());
        String imageRoot = root.toString();
        for (Path library : libraries) {
            assertThat(loader.resolvedDependencies(library)).as(library.getFileName().toString())
                    .allSatisfy(d -> assertThat(d).contains("=> " + imageRoot + "/"));
        }
        assertThat(libraries).anySatisfy(l -> assertThat(l.getFileName()).hasToString("libjvm.so"));
    }

    /**
     * jdeps over the application as packaged in the image: every JDK module its classes reference must
     * be linked into the image's runtime, so a new library that needs another module fails here rather
     * than with a NoClassDefFoundError in a pod.
     */
    @Test
    void runtimeLinksEveryModuleTheApplicationReferences() throws IOException {
        // On the class path, as the entrypoint runs them: modular jars are plain jars there (as arguments
        // jdeps would resolve their module-info requirements instead).
        String classpath = Files.readString(root.resolve("app/jib-classpath-file")).strip()
                .replace("/app/", root.resolve("app") + "/");
        List<String> args = List.of("--ignore-missing-deps", "--multi-release", "17", "--print-module-deps",
                "--class-path", classpath, "--recursive", root.resolve("app/classes").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(exit).as(err.toString()).isZero();
        List<String> needed = List.of(out.toString().strip().split(","));
        // the analysis reached the libraries (Kafka, RocksDB, Avro use these), not only the launcher's classes
        assertThat(needed).as("jdeps: " + out).contains("java.sql", "jdk.unsupported");
        String release = Files.readString(root.resolve("opt/java/openjdk/release"));
        Matcher modules = Pattern.compile("MODULES=\"([^\"]*)\"").matcher(release);
        assertThat(modules.find()).as("MODULES in the runtime's release file").isTrue();
        assertThat(List.of(modules.group(1).split(" "))).as("modules linked by jlink (deploy-k8s/image/jre-modules.txt)")
                .contains("java.base").containsAll(needed);
    }

    @Test
    void theImagesJavaRunsTheLauncherAndOpensRocksDb() throws IOException {
        ImageLoader loader = loader();
        ImageLoader.Result version = loader.run(JAVA, List.of("-version"));
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains(archive.config().path("config").path("Labels").path("io.agentdlp.base.java").asText());

        Path source = Files.createDirectories(work.resolve("src"));
        Files.writeString(source.resolve("Probe.java"), "final class Probe {\n  int answer() {\n    return 42;\n  }\n}\n");
        Path index = work.resolve("index");
        ImageLoader.Result indexed = loader.run(JAVA, launcherCommand(List.of("index", "--index-dir", index.toString(),
                "--repo", "probe", "--threads", "1", source.toString())));
        assertThat(indexed.exitCode()).as(indexed.output()).isZero();
        assertThat(index.resolve("CURRENT")).as("RocksDB files in " + index).isRegularFile();
    }

    /** The image's entrypoint with paths inside the image mapped onto the unpacked filesystem. */
    private static List<String> launcherCommand(List<String> args) throws IOException {
        List<String> entrypoint = strings(archive.config().path("config").path("Entrypoint"));
        String classpath = Files.readString(root.resolve("app/jib-classpath-file")).strip()
                .replace("/app/", root.resolve("app") + "/");
        List<String> command = new ArrayList<>();
        for (String arg : entrypoint.subList(1, entrypoint.size())) {
            if (arg.equals("@/app/jib-classpath-file")) {
                command.add(classpath);
            } else if (arg.startsWith("-Djava.io.tmpdir=")) {
                command.add("-Djava.io.tmpdir=" + work);
            } else {
                command.add(arg);
            }
        }
        command.addAll(args);
        return command;
    }

    private static ImageLoader loader() throws IOException {
        var loader = ImageLoader.of(root, List.of("opt/java/openjdk/lib", "opt/java/openjdk/lib/server"));
        assumeTrue(loader.isPresent(), "the image has no x86_64/aarch64 glibc loader to run its programs with");
        return loader.get();
    }

    private static Path rocksDbNativeLibrary() throws IOException {
        Path jar;
        try (Stream<Path> libs = Files.list(root.resolve("app/libs"))) {
            jar = libs.filter(f -> f.getFileName().toString().startsWith("rocksdbjni-")).findFirst().orElseThrow();
        }
        String name = System.getProperty("os.arch").equals("aarch64") ? "librocksdbjni-linux-aarch64.so" : "librocksdbjni-linux64.so";
        Path target = work.resolve(name);
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            Files.copy(in, target);
        }
        return target;
    }

    private static int mode(Path file) {
        try {
            return (int) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
