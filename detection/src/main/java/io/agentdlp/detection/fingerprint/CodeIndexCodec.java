package io.agentdlp.detection.fingerprint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Maps {@link IndexedDocument}s to and from the field values of the Avro record
 * {@code io.agentdlp.avro.CodeIndexRecord} on the compacted {@code dlp-code-index} topic, without a
 * dependency on Avro: callers that have the generated class copy the values one to one.
 *
 * <p>Key: {@code <repo>\0<source_path>} as a UTF-8 string, so that compaction keeps one record per file
 * and a tombstone (null value) under the key removes the file. Value fields: {@code repo},
 * {@code source_path}, {@code content_sha256}, {@code commit}, {@code line_count}, {@code ignore_corpus},
 * {@code k}, {@code w}, {@code hashes}, {@code start_lines}, {@code end_lines}, {@code index_version}
 * (plus {@code published_at}, set by the publisher).
 */
public final class CodeIndexCodec {
    private static final char SEPARATOR = '\0';

    private CodeIndexCodec() {
    }

    /** The identity of a document on the topic. */
    public record DocumentKey(String repo, String sourcePath) {
        public DocumentKey {
            Objects.requireNonNull(repo, "repo");
            Objects.requireNonNull(sourcePath, "sourcePath");
        }
    }

    /** Record key of {@code repo}/{@code sourcePath}. */
    public static String key(String repo, String sourcePath) {
        if (repo.indexOf(SEPARATOR) >= 0 || sourcePath.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("repo and source path must not contain NUL");
        }
        return repo + SEPARATOR + sourcePath;
    }

    public static String key(IndexedDocument doc) {
        return key(doc.repo(), doc.sourcePath());
    }

    /** UTF-8 bytes of {@link #key(String, String)}, for a plain string key serializer. */
    public static byte[] keyBytes(String repo, String sourcePath) {
        return key(repo, sourcePath).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a record key; throws IllegalArgumentException when it has no separator. */
    public static DocumentKey parseKey(String key) {
        int sep = key.indexOf(SEPARATOR);
        if (sep <= 0 || sep == key.length() - 1) {
            throw new IllegalArgumentException("code index key must be '<repo>\\0<source_path>' (length "
                    + key.length() + ", separator at " + sep + ")");
        }
        return new DocumentKey(key.substring(0, sep), key.substring(sep + 1));
    }

    /** Builds a document from record field values (Avro arrays arrive as {@code List}s). */
    public static IndexedDocument fromFields(String repo, String sourcePath, String contentSha256, String commit,
                                             int lineCount, boolean ignoreCorpus, int k, int w, List<Long> hashes,
                                             List<Integer> startLines, List<Integer> endLines, long indexVersion) {
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(startLines, "start_lines");
        Objects.requireNonNull(endLines, "end_lines");
        long[] h = new long[hashes.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = hashes.get(i);
        }
        return new IndexedDocument(repo, sourcePath, contentSha256, commit, lineCount, ignoreCorpus, k, w, h,
                toIntArray(startLines), toIntArray(endLines), indexVersion);
    }

    /** Field value of {@code hashes}. */
    public static List<Long> hashes(IndexedDocument doc) {
        List<Long> out = new ArrayList<>(doc.size());
        for (int i = 0; i < doc.size(); i++) {
            out.add(doc.hashAt(i));
        }
        return out;
    }

    /** Field value of {@code start_lines}. */
    public static List<Integer> startLines(IndexedDocument doc) {
        List<Integer> out = new ArrayList<>(doc.size());
        for (int i = 0; i < doc.size(); i++) {
            out.add(doc.startLineAt(i));
        }
        return out;
    }

    /** Field value of {@code end_lines}. */
    public static List<Integer> endLines(IndexedDocument doc) {
        List<Integer> out = new ArrayList<>(doc.size());
        for (int i = 0; i < doc.size(); i++) {
            out.add(doc.endLineAt(i));
        }
        return out;
    }

    private static int[] toIntArray(List<Integer> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
