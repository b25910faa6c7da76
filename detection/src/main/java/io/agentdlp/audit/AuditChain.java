package io.agentdlp.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tamper-evidence of the agent audit trail. Every record of a session carries, under
 * {@code unmapped}, the session key, its sequence number in the session, the hash of the previous
 * record and its own hash:
 * <pre>hash = hex(SHA-256(prev_hash + "\n" + canonical JSON of the record without its own hash))</pre>
 * so editing, removing or reordering any record breaks the chain from that record on. The first
 * record of a session has {@code prev} = {@link #GENESIS}.
 */
public final class AuditChain {
    /** {@code prev} of a session's first record. */
    public static final String GENESIS = "0".repeat(64);
    public static final String SESSION = "agentdlp.chain.session";
    public static final String SEQ = "agentdlp.chain.seq";
    public static final String PREV = "agentdlp.chain.prev";
    public static final String HASH = "agentdlp.chain.hash";
    private static final HexFormat HEX = HexFormat.of();
    /** Cloned per hash: a provider look-up per record cost more than the copy. */
    private static final MessageDigest SHA_256 = sha256();

    private AuditChain() {
    }

    /** Stamps the chain fields on {@code record} and returns its hash (the next record's prev). */
    public static String link(ObjectNode record, String sessionKey, long seq, String prevHash) {
        ObjectNode unmapped = record.has("unmapped") && record.get("unmapped").isObject()
                ? (ObjectNode) record.get("unmapped") : record.putObject("unmapped");
        unmapped.put(SESSION, sessionKey);
        unmapped.put(SEQ, seq);
        unmapped.put(PREV, prevHash);
        unmapped.remove(HASH);
        String hash = hash(prevHash, record);
        unmapped.put(HASH, hash);
        return hash;
    }

    /** Recomputes the hash a record should carry, ignoring the hash it carries. */
    static String expectedHash(JsonNode record) {
        ObjectNode copy = record.deepCopy();
        ObjectNode unmapped = (ObjectNode) copy.get("unmapped");
        String prev = unmapped.path(PREV).asText();
        unmapped.remove(HASH);
        return hash(prev, copy);
    }

    private static String hash(String prev, JsonNode recordWithoutHash) {
        MessageDigest sha = newSha256();
        sha.update(prev.getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) '\n');
        sha.update(CanonicalJson.utf8(recordWithoutHash));
        return HEX.formatHex(sha.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest of provider " + SHA_256.getProvider() + " cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
