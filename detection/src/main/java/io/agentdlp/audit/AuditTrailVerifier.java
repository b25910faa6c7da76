package io.agentdlp.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks an exported audit trail (JSON Lines, any order of sessions, records of one session in
 * sequence order) against its hash chains: each record's hash must match its content, and each
 * record's {@code prev} must be the hash of the record before it in the same session.
 */
public final class AuditTrailVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Last verified link of one session. */
    private record Tip(long seq, String hash) {
    }

    public AuditVerification verify(BufferedReader lines) throws IOException {
        Map<String, Tip> tips = new LinkedHashMap<>();
        List<AuditViolation> violations = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        long lineNo = 0;
        long records = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            records++;
            JsonNode rec;
            try {
                rec = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                violations.add(new AuditViolation(lineNo, null, -1, null, "not valid JSON"));
                continue;
            }
            JsonNode chain = rec.path("unmapped");
            String id = rec.path("metadata").path("uid").asText(null);
            if (!chain.has(AuditChain.SESSION) || !chain.has(AuditChain.SEQ) || !chain.has(AuditChain.PREV)
                    || !chain.has(AuditChain.HASH)) {
                violations.add(new AuditViolation(lineNo, null, -1, id, "record carries no hash-chain fields"));
                continue;
            }
            String session = chain.get(AuditChain.SESSION).asText();
            long seq = chain.get(AuditChain.SEQ).asLong();
            String prev = chain.get(AuditChain.PREV).asText();
            String hash = chain.get(AuditChain.HASH).asText();
            if (!AuditChain.expectedHash(rec).equals(hash)) {
                violations.add(new AuditViolation(lineNo, session, seq, id, "content changed after it was written (hash mismatch)"));
            }
            Tip tip = tips.get(session);
            if (tip == null) {
                if (seq == 1 && !prev.equals(AuditChain.GENESIS)) {
                    violations.add(new AuditViolation(lineNo, session, seq, id, "first record of the session does not start the chain"));
                } else if (seq > 1) {
                    partial.add(session + " starts at seq " + seq);
                }
            } else if (seq != tip.seq() + 1) {
                violations.add(new AuditViolation(lineNo, session, seq, id,
                        seq <= tip.seq() ? "out of order or duplicated (previous seq " + tip.seq() + ")"
                                : "records " + (tip.seq() + 1) + ".." + (seq - 1) + " are missing"));
            } else if (!prev.equals(tip.hash())) {
                violations.add(new AuditViolation(lineNo, session, seq, id, "does not link to the previous record (prev hash mismatch)"));
            }
            tips.put(session, new Tip(seq, hash));
        }
        return new AuditVerification(records, tips.size(), violations, partial);
    }
}
