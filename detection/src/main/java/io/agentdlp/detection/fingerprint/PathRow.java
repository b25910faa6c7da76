package io.agentdlp.detection.fingerprint;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Row of the {@code paths} column family: key {@code <repo>\0<path>} (UTF-8, so one repo's files are a
 * key range), value file id, content SHA-256 and the ignore-corpus flag; what incremental indexing
 * compares without reading the document.
 */
record PathRow(int fileId, String contentSha256, boolean ignoreCorpus) {
    private static final HexFormat HEX = HexFormat.of();

    static byte[] key(String repo, String path) {
        return (repo + '\0' + path).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] prefix(String repo) {
        return (repo + '\0').getBytes(StandardCharsets.UTF_8);
    }

    /** The path part of a key that starts with {@code prefix}. */
    static String pathOf(byte[] key, int prefixLength) {
        return new String(key, prefixLength, key.length - prefixLength, StandardCharsets.UTF_8);
    }

    byte[] encode() {
        return new Bytes(37).fixedInt(fileId).raw(HEX.parseHex(contentSha256)).varint(ignoreCorpus ? 1 : 0).toArray();
    }

    static PathRow decode(byte[] value) {
        Bytes.Reader r = new Bytes.Reader(value);
        int fileId = r.fixedInt();
        String sha = HEX.formatHex(r.raw(32));
        return new PathRow(fileId, sha, r.varint() != 0);
    }

    boolean sameContent(IndexedDocument doc) {
        return contentSha256.equals(doc.contentSha256()) && ignoreCorpus == doc.ignoreCorpus();
    }
}
