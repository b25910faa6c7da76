package io.agentdlp.audit;

/**
 * One broken link found by {@link AuditTrailVerifier}.
 *
 * @param line     1-based line of the exported file
 * @param session  session key of the record (null when unreadable)
 * @param seq      sequence number in the session (-1 when unreadable)
 * @param recordId the record's {@code metadata.uid} when present
 * @param problem  what is wrong, e.g. "content changed after it was written"
 */
public record AuditViolation(long line, String session, long seq, String recordId, String problem) {
    @Override
    public String toString() {
        return "line " + line + (session == null ? "" : " session " + session + " seq " + seq)
                + (recordId == null ? "" : " record " + recordId) + ": " + problem;
    }
}
