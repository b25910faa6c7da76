package io.agentdlp.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.IndexedDocument;

/** An indexed source file of our own (test resource) and its {@code dlp-code-index} records. */
public final class CodeSamples {
    public static final String REPO = "payments";
    public static final String PATH = "src/main/java/com/acme/payments/ledger/LedgerReconciler.java";

    private CodeSamples() {
    }

    public static String source() {
        try (InputStream in = CodeSamples.class.getResourceAsStream("/code/LedgerReconciler.java.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines {@code from..to} (1-based, inclusive) of the source. */
    public static String lines(int from, int to) {
        String[] all = source().split("\n", -1);
        return String.join("\n", java.util.Arrays.asList(all).subList(from - 1, to));
    }

    public static String key() {
        return CodeIndexCodec.key(REPO, PATH);
    }

    /** The record {@code agentdlp index --publish} writes for {@code content}. */
    public static CodeIndexRecord record(String content, long version) {
        IndexedDocument d = IndexedDocument.create(REPO, PATH, content.getBytes(StandardCharsets.UTF_8),
                Fingerprinter.withDefaults(), false, "abc123", version);
        return CodeIndexRecord.newBuilder().setRepo(d.repo()).setSourcePath(d.sourcePath())
                .setContentSha256(d.contentSha256()).setCommit(d.commit()).setLineCount(d.lineCount())
                .setIgnoreCorpus(false).setK(d.k()).setW(d.w()).setHashes(CodeIndexCodec.hashes(d))
                .setStartLines(CodeIndexCodec.startLines(d)).setEndLines(CodeIndexCodec.endLines(d))
                .setIndexVersion(version).setPublishedAt(Instant.parse("2026-03-01T00:00:00Z")).build();
    }
}
