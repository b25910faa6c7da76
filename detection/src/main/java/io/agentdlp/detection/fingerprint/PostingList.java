package io.agentdlp.detection.fingerprint;

/**
 * Value of a postings row (key: the fingerprint's 56-bit shape): the concatenation of entries
 * {@code varint repoId, varint (fileId << 1 | ignoreCorpus), varint startLine, varint (endLine -
 * startLine), byte spelling check}. Entries are self-delimiting, so the
 * RocksDB string-append merge operator (empty delimiter) adds a document's postings to a row without a
 * read, and the entries of one document stay adjacent.
 */
final class PostingList {
    private PostingList() {
    }

    static void append(Bytes out, int repoId, int fileId, boolean ignoreCorpus, int startLine, int endLine,
                       long fingerprint) {
        out.varint(repoId).varint(((long) fileId << 1) | (ignoreCorpus ? 1 : 0)).varint(startLine)
                .varint(endLine - startLine).u8(Fingerprints.spellingOf(fingerprint));
    }

    /** Decoded entries of one row. */
    static final class Decoded {
        int size;
        int[] repoIds = new int[16];
        int[] fileIds = new int[16];
        int[] startLines = new int[16];
        int[] endLines = new int[16];
        int[] spellings = new int[16];
        boolean ignoreCorpus;
        int distinctFiles;

        void clear() {
            size = 0;
            ignoreCorpus = false;
            distinctFiles = 0;
        }

        private void add(int repo, int file, int start, int end, int spelling) {
            if (size == fileIds.length) {
                int cap = size * 2;
                spellings = java.util.Arrays.copyOf(spellings, cap);
                repoIds = java.util.Arrays.copyOf(repoIds, cap);
                fileIds = java.util.Arrays.copyOf(fileIds, cap);
                startLines = java.util.Arrays.copyOf(startLines, cap);
                endLines = java.util.Arrays.copyOf(endLines, cap);
            }
            if (size == 0 || fileIds[size - 1] != file) {
                distinctFiles++;
            }
            repoIds[size] = repo;
            fileIds[size] = file;
            startLines[size] = start;
            endLines[size] = end;
            spellings[size] = spelling;
            size++;
        }
    }

    /**
     * Decodes {@code value} into {@code out}; stops early (leaving {@code out} partial) once more than
     * {@code maxFiles} distinct files or an ignore-corpus entry are seen, since the row is then common code.
     */
    static void decode(byte[] value, Decoded out, int maxFiles) {
        out.clear();
        Bytes.Reader r = new Bytes.Reader(value);
        while (r.hasMore()) {
            int repo = r.varintInt();
            long fileAndFlag = r.varint();
            int start = r.varintInt();
            int end = start + r.varintInt();
            int spelling = r.u8();
            if ((fileAndFlag & 1) != 0) {
                out.ignoreCorpus = true;
                return;
            }
            out.add(repo, (int) (fileAndFlag >>> 1), start, end, spelling);
            if (out.distinctFiles > maxFiles) {
                return;
            }
        }
    }

    /** The row without the entries of {@code fileId}; null when nothing remains. */
    static byte[] without(byte[] value, int fileId) {
        Bytes out = new Bytes(value.length);
        Bytes.Reader r = new Bytes.Reader(value);
        while (r.hasMore()) {
            int repo = r.varintInt();
            long fileAndFlag = r.varint();
            int start = r.varintInt();
            int span = r.varintInt();
            int spelling = r.u8();
            if ((int) (fileAndFlag >>> 1) != fileId) {
                out.varint(repo).varint(fileAndFlag).varint(start).varint(span).u8(spelling);
            }
        }
        return out.length() == 0 ? null : out.toArray();
    }
}
