package io.agentdlp.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.agentdlp.launcher.AgentDlp;
import picocli.CommandLine;

/**
 * The customer's own code ({@code src/test/resources/owncode/acme-payments}), indexed and published
 * to {@code dlp-code-index} by the real {@code agentdlp index --publish} command run in-process, and
 * the edited excerpts an agent sends out of it: re-indented and with local variables renamed, the way
 * a developer pastes a piece of a file after tidying it.
 */
final class OwnCode {
    static final String REPO = "acme-payments";
    static final String RECONCILER = "src/main/java/com/acme/payments/LedgerReconciler.java";
    static final String PARSER = "src/main/java/com/acme/payments/SettlementFileParser.java";
    private static final List<String> FILES = List.of(RECONCILER, PARSER);

    private OwnCode() {
    }

    /** Copies the tree under {@code dir}, runs {@code agentdlp index --publish} and returns its standard output. */
    static String indexAndPublish(Pipeline pipeline, Path dir) throws IOException {
        Path tree = dir.resolve(REPO);
        for (String f : FILES) {
            Path target = tree.resolve(f);
            Files.createDirectories(target.getParent());
            Files.writeString(target, source(f));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AgentDlp());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("index", "--index-dir", dir.resolve("index").toString(), "--repo", REPO, "--quiet",
                "--publish", "--bootstrap-servers", pipeline.bootstrapServers(), "--registry-url", pipeline.registryUrl(),
                tree.toString());
        if (exit != 0) {
            throw new IllegalStateException("agentdlp index --publish exited " + exit + ": " + err);
        }
        return out.toString();
    }

    static String source(String path) {
        try (InputStream in = OwnCode.class.getResourceAsStream("/owncode/" + REPO + "/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no own-code sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines {@code from..to} (1-based, inclusive) of {@code path}, edited: indentation halved and
     * every whole-word occurrence of a key of {@code renames} replaced by its value.
     */
    static String editedExcerpt(String path, int from, int to, Map<String, String> renames) {
        List<String> lines = source(path).lines().toList().subList(from - 1, to);
        return lines.stream().map(l -> {
            int indent = l.length() - l.stripLeading().length();
            String edited = " ".repeat(indent / 2) + l.stripLeading();
            for (Map.Entry<String, String> r : renames.entrySet()) {
                edited = edited.replaceAll("\\b" + r.getKey() + "\\b", r.getValue());
            }
            return edited;
        }).collect(Collectors.joining("\n"));
    }

    /** The distinctive lines of a text (30+ characters once trimmed): what a raw-content leak would show. */
    static List<String> distinctiveLines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(l -> l.length() >= 30).toList();
    }
}
