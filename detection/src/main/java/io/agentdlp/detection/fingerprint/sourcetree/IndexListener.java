package io.agentdlp.detection.fingerprint.sourcetree;

import io.agentdlp.detection.fingerprint.IndexedDocument;

/** Callbacks of a {@link RepoIndexer} run, all on the indexing (writer) thread. */
public interface IndexListener {
    /** Progress after each file: files and bytes done out of the totals found by the walk. */
    default void progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
    }

    /** A document was added or replaced in the index. */
    default void written(IndexedDocument document) {
    }

    /** A file of the repo disappeared from the tree and was removed from the index. */
    default void removed(String repo, String sourcePath) {
    }

    IndexListener NONE = new IndexListener() {
    };
}
