package io.agentdlp.detection.fingerprint.sourcetree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agentdlp.detection.fingerprint.BulkLoad;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes source trees as one repo of a {@link FingerprintIndex}, incrementally: files are read,
 * hashed and (when their SHA-256 is not already indexed) fingerprinted on {@code threads} worker
 * threads, and written by the calling thread in walk order; files of the repo that the walk did not
 * find any more are removed. Other repos in the index are not touched. A repo with nothing indexed yet
 * (an initial load) goes through {@link BulkLoad} (SST ingestion), later runs through single-document
 * writes. Removal is scoped to the run's kind: an {@code --ignore} run only removes ignore-corpus files
 * of the repo, a normal run only normal ones, so a repo can have both.
 */
public final class RepoIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(RepoIndexer.class);

    /**
     * One run's settings.
     *
     * @param repo         repository name
     * @param ignoreCorpus index the trees as boilerplate/public code that never counts as evidence
     * @param commit       commit recorded on the documents, or null
     * @param threads      worker threads (reading, hashing, fingerprinting)
     * @param walk         which files to take
     */
    public record Options(String repo, boolean ignoreCorpus, String commit, int threads, WalkOptions walk) {
        public Options {
            Objects.requireNonNull(repo, "repo");
            Objects.requireNonNull(walk, "walk");
            if (repo.isBlank() || repo.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("repo name must be non-blank and free of NUL chars");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
        }
    }

    private final FingerprintIndex index;
    private final Options options;
    private final IndexListener listener;

    public RepoIndexer(FingerprintIndex index, Options options, IndexListener listener) {
        this.index = Objects.requireNonNull(index, "index");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Indexes {@code roots}: with one root, paths are relative to it; with several, each path starts
     * with its root's directory name so that they cannot collide.
     */
    public IndexRunSummary run(List<Path> roots) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<SourceCandidate> files = new ArrayList<>();
        for (Path root : roots) {
            String prefix = roots.size() > 1 ? root.toAbsolutePath().normalize().getFileName() + "/" : "";
            for (SourceCandidate c : SourceTreeWalker.walk(root, options.walk())) {
                files.add(new SourceCandidate(c.file(), prefix + c.relativePath(), c.size()));
            }
        }
        long totalBytes = files.stream().mapToLong(SourceCandidate::size).sum();
        Map<String, FingerprintIndex.FileState> existing = new LinkedHashMap<>();
        index.files(options.repo()).forEach((path, state) -> {
            if (state.ignoreCorpus() == options.ignoreCorpus()) {
                existing.put(path, state);
            }
        });
        boolean bulk = index.files(options.repo()).isEmpty() && files.size() > 1;
        long version = index.nextIndexVersion();
        Counters counters = new Counters();
        Set<String> seen = new HashSet<>();
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "agentdlp-index-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<FileResult>> pending = new ArrayBlockingQueue<>(options.threads() * 8);
        try (BulkLoad load = bulk ? index.bulkLoad() : null) {
            int next = 0;
            long doneFiles = 0;
            long doneBytes = 0;
            while (next < files.size() || !pending.isEmpty()) {
                while (next < files.size() && pending.remainingCapacity() > 0) {
                    SourceCandidate c = files.get(next++);
                    FingerprintIndex.FileState known = existing.get(c.relativePath());
                    pending.add(workers.submit(() -> process(c, known, version)));
                }
                FileResult r = take(pending.poll());
                if (!r.skipped()) {
                    seen.add(r.relativePath());
                }
                doneFiles++;
                doneBytes += r.bytes();
                counters.bytes += r.bytes();
                if (r.document() == null) {
                    if (r.skipped()) {
                        counters.skipped++;
                    } else {
                        counters.unchanged++;
                    }
                } else {
                    FingerprintIndex.PutResult put = load != null ? load.add(r.document()) : index.put(r.document());
                    switch (put) {
                        case ADDED -> counters.added++;
                        case REPLACED -> counters.replaced++;
                        case UNCHANGED -> counters.unchanged++;
                    }
                    if (put != FingerprintIndex.PutResult.UNCHANGED) {
                        listener.written(r.document());
                    }
                }
                listener.progress(doneFiles, files.size(), doneBytes, totalBytes);
            }
        } finally {
            workers.shutdownNow();
        }
        for (String path : existing.keySet()) {
            if (!seen.contains(path) && index.remove(options.repo(), path)) {
                counters.removed++;
                listener.removed(options.repo(), path);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("indexed repo={} files={} added={} replaced={} unchanged={} removed={} skipped={} bytes={} millis={} bulk={}",
                options.repo(), files.size(), counters.added, counters.replaced, counters.unchanged, counters.removed,
                counters.skipped, counters.bytes, millis, bulk);
        return new IndexRunSummary(files.size(), counters.added, counters.replaced, counters.unchanged, counters.removed,
                counters.skipped, counters.bytes, millis, bulk);
    }

    private static FileResult take(Future<FileResult> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("indexing worker failed: " + cause, cause);
        }
    }

    /** Read, hash and, if new or changed, fingerprint one file (on a worker thread). */
    private FileResult process(SourceCandidate c, FingerprintIndex.FileState known, long version) {
        byte[] content;
        try {
            content = Files.readAllBytes(c.file());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + c.file() + ": " + e.getMessage(), e));
        }
        if (ContentCheck.isBinary(content) || options.walk().defaultExcludes() && ContentCheck.isGenerated(content)) {
            return new FileResult(c.relativePath(), content.length, null, true);
        }
        String sha = IndexedDocument.sha256(content);
        if (known != null && known.contentSha256().equals(sha)) {
            return new FileResult(c.relativePath(), content.length, null, false);
        }
        Fingerprinter fingerprinter = index.fingerprinter();
        IndexedDocument doc = IndexedDocument.create(options.repo(), c.relativePath(), content, fingerprinter,
                options.ignoreCorpus(), options.commit(), version);
        return new FileResult(c.relativePath(), content.length, doc, false);
    }

    private record FileResult(String relativePath, long bytes, IndexedDocument document, boolean skipped) {
    }

    private static final class Counters {
        long added;
        long replaced;
        long unchanged;
        long removed;
        long skipped;
        long bytes;
    }
}
