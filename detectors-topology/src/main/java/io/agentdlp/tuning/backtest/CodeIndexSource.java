package io.agentdlp.tuning.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.IndexedDocument;

/**
 * Indexes a source tree into {@code dlp-code-index} records with the library's fingerprinter, in
 * path order: text files up to 1 MiB, hidden files and directories (.git) and binary files skipped.
 */
final class CodeIndexSource {
    private static final long MAX_FILE_BYTES = 1 << 20;

    private CodeIndexSource() {
    }

    static List<CodeIndexRecord> records(Path root, String repo, Instant publishedAt) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !hidden(root.relativize(p))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk the code index tree " + root, e);
        }
        Fingerprinter fingerprinter = Fingerprinter.withDefaults();
        List<CodeIndexRecord> out = new ArrayList<>();
        for (Path f : files) {
            byte[] content;
            try {
                if (Files.size(f) > MAX_FILE_BYTES) {
                    continue;
                }
                content = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            if (binary(content)) {
                continue;
            }
            String path = root.relativize(f).toString().replace('\\', '/');
            IndexedDocument d = IndexedDocument.create(repo, path, content, fingerprinter, false, null, 1);
            out.add(CodeIndexRecord.newBuilder().setRepo(d.repo()).setSourcePath(d.sourcePath())
                    .setContentSha256(d.contentSha256()).setCommit(d.commit()).setLineCount(d.lineCount())
                    .setIgnoreCorpus(false).setK(d.k()).setW(d.w()).setHashes(CodeIndexCodec.hashes(d))
                    .setStartLines(CodeIndexCodec.startLines(d)).setEndLines(CodeIndexCodec.endLines(d))
                    .setIndexVersion(1).setPublishedAt(publishedAt).build());
        }
        return out;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean binary(byte[] b) {
        for (int i = 0; i < Math.min(b.length, 8192); i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
