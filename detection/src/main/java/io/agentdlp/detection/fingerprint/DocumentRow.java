package io.agentdlp.detection.fingerprint;

import java.util.HexFormat;

/**
 * Row of the {@code documents} column family (key: file id, 4 bytes big-endian): what a match reports
 * about its source file, without the file's fingerprints (those live in the {@code fingerprints}
 * column family, read only to remove or export a document).
 */
record DocumentRow(int repoId, String sourcePath, String contentSha256, String commit, int lineCount,
                   boolean ignoreCorpus, long indexVersion, int fingerprintCount) {
    private static final HexFormat HEX = HexFormat.of();
    private static final int IGNORE = 1;
    private static final int HAS_COMMIT = 2;

    byte[] encode() {
        Bytes b = new Bytes(64 + sourcePath.length());
        b.varint(repoId).varint((ignoreCorpus ? IGNORE : 0) | (commit != null ? HAS_COMMIT : 0)).varint(lineCount)
                .varint(indexVersion).varint(fingerprintCount).raw(HEX.parseHex(contentSha256)).string(sourcePath);
        if (commit != null) {
            b.string(commit);
        }
        return b.toArray();
    }

    static DocumentRow decode(byte[] value) {
        Bytes.Reader r = new Bytes.Reader(value);
        int repoId = r.varintInt();
        int flags = r.varintInt();
        int lineCount = r.varintInt();
        long indexVersion = r.varint();
        int count = r.varintInt();
        String sha = HEX.formatHex(r.raw(32));
        String path = r.string();
        String commit = (flags & HAS_COMMIT) != 0 ? r.string() : null;
        return new DocumentRow(repoId, path, sha, commit, lineCount, (flags & IGNORE) != 0, indexVersion, count);
    }

    /** Value of the {@code fingerprints} row: count, then per fingerprint hash, start-line delta, span. */
    static byte[] encodeFingerprints(IndexedDocument doc) {
        Bytes b = new Bytes(12 * doc.size() + 4);
        b.varint(doc.size());
        int previous = 0;
        for (int i = 0; i < doc.size(); i++) {
            int start = doc.startLineAt(i);
            b.fixedLong(doc.hashAt(i)).varint(Bytes.zigzag(start - previous)).varint(doc.endLineAt(i) - start);
            previous = start;
        }
        return b.toArray();
    }

    /** The full document, given its repo name and its {@code fingerprints} row. */
    IndexedDocument toDocument(String repo, byte[] fingerprints, FingerprintConfig config) {
        Bytes.Reader r = new Bytes.Reader(fingerprints);
        int n = r.varintInt();
        long[] hashes = new long[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int previous = 0;
        for (int i = 0; i < n; i++) {
            hashes[i] = r.fixedLong();
            starts[i] = previous + (int) Bytes.unzigzag(r.varint());
            ends[i] = starts[i] + r.varintInt();
            previous = starts[i];
        }
        return new IndexedDocument(repo, sourcePath, contentSha256, commit, lineCount, ignoreCorpus, config.k(),
                config.w(), hashes, starts, ends, indexVersion);
    }

    /** Just the hashes of a {@code fingerprints} row. */
    static long[] decodeHashes(byte[] fingerprints) {
        Bytes.Reader r = new Bytes.Reader(fingerprints);
        int n = r.varintInt();
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = r.fixedLong();
            r.varint();
            r.varint();
        }
        return hashes;
    }
}
