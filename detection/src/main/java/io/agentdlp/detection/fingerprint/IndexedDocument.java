package io.agentdlp.detection.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One indexed source file with its fingerprints: the unit that {@link FingerprintIndex} adds and removes
 * and that travels on the {@code dlp-code-index} topic (see {@link CodeIndexCodec}). Arrays are copied on
 * the way in and out.
 *
 * @param repo          repository name given to {@code agentdlp index --repo}
 * @param sourcePath    path relative to the indexed root, {@code /} separators
 * @param contentSha256 lower-case hex SHA-256 of the file bytes
 * @param commit        commit of the indexed tree, or null
 * @param lineCount     lines in the file
 * @param ignoreCorpus  true for boilerplate/public code whose fingerprints never count as evidence
 * @param k             k-gram length the fingerprints were computed with
 * @param w             winnowing window the fingerprints were computed with
 * @param hashes        fingerprints in file order
 * @param startLines    first line of each fingerprint's k-gram
 * @param endLines      last line of each fingerprint's k-gram
 * @param indexVersion  version of the index build that produced the document
 */
public record IndexedDocument(String repo, String sourcePath, String contentSha256, String commit, int lineCount,
                              boolean ignoreCorpus, int k, int w, long[] hashes, int[] startLines, int[] endLines,
                              long indexVersion) {
    private static final HexFormat HEX = HexFormat.of();

    public IndexedDocument {
        checkName("repo", repo);
        checkName("sourcePath", sourcePath);
        Objects.requireNonNull(contentSha256, "contentSha256");
        if (contentSha256.length() != 64 || !contentSha256.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("contentSha256 must be 64 hex chars, was '" + contentSha256 + "'");
        }
        contentSha256 = contentSha256.toLowerCase(java.util.Locale.ROOT);
        if (lineCount < 0) {
            throw new IllegalArgumentException("lineCount must be >= 0, was " + lineCount);
        }
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(startLines, "startLines");
        Objects.requireNonNull(endLines, "endLines");
        if (hashes.length != startLines.length || hashes.length != endLines.length) {
            throw new IllegalArgumentException("hashes, startLines and endLines differ in length for " + repo + ":"
                    + sourcePath + ": " + hashes.length + ", " + startLines.length + ", " + endLines.length);
        }
        for (int i = 0; i < startLines.length; i++) {
            if (startLines[i] < 1 || endLines[i] < startLines[i]) {
                throw new IllegalArgumentException("bad line range " + startLines[i] + ".." + endLines[i]
                        + " of fingerprint " + i + " in " + repo + ":" + sourcePath);
            }
        }
        hashes = hashes.clone();
        startLines = startLines.clone();
        endLines = endLines.clone();
    }

    private static void checkName(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty and free of NUL chars");
        }
    }

    /** Fingerprints {@code content} (UTF-8 bytes of a source file) into a document. */
    public static IndexedDocument create(String repo, String sourcePath, byte[] content, Fingerprinter fingerprinter,
                                         boolean ignoreCorpus, String commit, long indexVersion) {
        String text = new String(content, StandardCharsets.UTF_8);
        Fingerprints f = fingerprinter.fingerprint(text);
        FingerprintConfig c = fingerprinter.config();
        return new IndexedDocument(repo, sourcePath, sha256(content), commit, lineCount(text), ignoreCorpus,
                c.k(), c.w(), f.hashes(), f.startLines(), f.endLines(), indexVersion);
    }

    /** Lower-case hex SHA-256 of {@code content}. */
    public static String sha256(byte[] content) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static int lineCount(CharSequence text) {
        int n = text.length();
        if (n == 0) {
            return 0;
        }
        int lines = 0;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return text.charAt(n - 1) == '\n' ? lines : lines + 1;
    }

    /**
     * The parameters the fingerprints were computed with: {@link FingerprintConfig#of(int, int)} of k and
     * w (documents do not carry minStructural; indexes built by agentdlp always use that convention).
     */
    public FingerprintConfig config() {
        return FingerprintConfig.of(k, w);
    }

    /** The document's fingerprints as a {@link Fingerprints} (without a token count). */
    public Fingerprints fingerprints() {
        return Fingerprints.of(hashes, startLines, endLines, 0);
    }

    public int size() {
        return hashes.length;
    }

    @Override
    public long[] hashes() {
        return hashes.clone();
    }

    @Override
    public int[] startLines() {
        return startLines.clone();
    }

    @Override
    public int[] endLines() {
        return endLines.clone();
    }

    long hashAt(int i) {
        return hashes[i];
    }

    int startLineAt(int i) {
        return startLines[i];
    }

    int endLineAt(int i) {
        return endLines[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexedDocument d && repo.equals(d.repo) && sourcePath.equals(d.sourcePath)
                && contentSha256.equals(d.contentSha256) && Objects.equals(commit, d.commit)
                && lineCount == d.lineCount && ignoreCorpus == d.ignoreCorpus && k == d.k && w == d.w
                && indexVersion == d.indexVersion && Arrays.equals(hashes, d.hashes)
                && Arrays.equals(startLines, d.startLines) && Arrays.equals(endLines, d.endLines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repo, sourcePath, contentSha256, indexVersion) * 31 + Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "IndexedDocument[repo=" + repo + ", sourcePath=" + sourcePath + ", contentSha256=" + contentSha256
                + ", lineCount=" + lineCount + ", ignoreCorpus=" + ignoreCorpus + ", k=" + k + ", w=" + w
                + ", fingerprints=" + hashes.length + ", indexVersion=" + indexVersion + "]";
    }
}
