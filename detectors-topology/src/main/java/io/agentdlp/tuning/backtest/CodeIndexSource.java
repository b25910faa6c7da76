package io.agentdlp.tuning.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.detection.fingerprint.sourcetree.ContentCheck;
import io.agentdlp.detection.fingerprint.sourcetree.SourceCandidate;
import io.agentdlp.detection.fingerprint.sourcetree.SourceTreeWalker;
import io.agentdlp.detection.fingerprint.sourcetree.WalkOptions;

/**
 * Indexes a source tree into {@code dlp-code-index} records the way {@code agentdlp index} selects
 * files (the library's {@link SourceTreeWalker} with its default options: .gitignore, vendored and
 * generated files skipped, 1 MiB limit; binary and generated content skipped), in path order.
 */
final class CodeIndexSource {
    private CodeIndexSource() {
    }

    static List<CodeIndexRecord> records(Path root, String repo, Instant publishedAt) {
        List<SourceCandidate> files;
        try {
            files = SourceTreeWalker.walk(root, WalkOptions.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk the code index tree " + root, e);
        }
        Fingerprinter fingerprinter = Fingerprinter.withDefaults();
        List<CodeIndexRecord> out = new ArrayList<>();
        for (SourceCandidate f : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(f.file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f.file(), e);
            }
            if (ContentCheck.isBinary(content) || ContentCheck.isGenerated(content)) {
                continue;
            }
            IndexedDocument d = IndexedDocument.create(repo, f.relativePath(), content, fingerprinter, false, null, 1);
            out.add(CodeIndexRecord.newBuilder().setRepo(d.repo()).setSourcePath(d.sourcePath())
                    .setContentSha256(d.contentSha256()).setCommit(d.commit()).setLineCount(d.lineCount())
                    .setIgnoreCorpus(false).setK(d.k()).setW(d.w()).setHashes(CodeIndexCodec.hashes(d))
                    .setStartLines(CodeIndexCodec.startLines(d)).setEndLines(CodeIndexCodec.endLines(d))
                    .setIndexVersion(1).setPublishedAt(publishedAt).build());
        }
        return out;
    }
}
