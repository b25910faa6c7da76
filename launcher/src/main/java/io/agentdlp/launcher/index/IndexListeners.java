package io.agentdlp.launcher.index;

import java.util.List;

import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.detection.fingerprint.sourcetree.IndexListener;

/** Several listeners as one, called in order. */
public final class IndexListeners implements IndexListener {
    private final List<IndexListener> listeners;

    public IndexListeners(List<IndexListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
        listeners.forEach(l -> l.progress(filesDone, filesTotal, bytesDone, bytesTotal));
    }

    @Override
    public void written(IndexedDocument document) {
        listeners.forEach(l -> l.written(document));
    }

    @Override
    public void removed(String repo, String sourcePath) {
        listeners.forEach(l -> l.removed(repo, sourcePath));
    }
}
