package io.agentdlp.launcher.index;

import java.time.Instant;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.IndexedDocument;

/** Maps an {@link IndexedDocument} to the Avro record of the {@code dlp-code-index} topic. */
public final class CodeIndexRecords {
    private CodeIndexRecords() {
    }

    public static CodeIndexRecord toRecord(IndexedDocument doc, Instant publishedAt) {
        return CodeIndexRecord.newBuilder()
                .setRepo(doc.repo())
                .setSourcePath(doc.sourcePath())
                .setContentSha256(doc.contentSha256())
                .setCommit(doc.commit())
                .setLineCount(doc.lineCount())
                .setIgnoreCorpus(doc.ignoreCorpus())
                .setK(doc.k())
                .setW(doc.w())
                .setHashes(CodeIndexCodec.hashes(doc))
                .setStartLines(CodeIndexCodec.startLines(doc))
                .setEndLines(CodeIndexCodec.endLines(doc))
                .setIndexVersion(doc.indexVersion())
                .setPublishedAt(publishedAt)
                .build();
    }

    public static IndexedDocument toDocument(CodeIndexRecord r) {
        return CodeIndexCodec.fromFields(r.getRepo(), r.getSourcePath(), r.getContentSha256(), r.getCommit(),
                r.getLineCount(), r.getIgnoreCorpus(), r.getK(), r.getW(), r.getHashes(), r.getStartLines(),
                r.getEndLines(), r.getIndexVersion());
    }
}
