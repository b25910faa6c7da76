package io.agentdlp.alerts.trail;

import io.agentdlp.audit.AuditChain;

/**
 * The last link of one session's chain, as kept in the chainer's state store: its sequence number,
 * its hash (the next record's {@code prev}) and when it was written (wall clock, for expiry).
 */
record ChainTip(long seq, String hash, long writtenAtMs) {

    /** Before a session's first record. */
    static final ChainTip START = new ChainTip(0, AuditChain.GENESIS, 0);

    String encode() {
        return seq + " " + hash + " " + writtenAtMs;
    }

    static ChainTip decode(String s) {
        if (s == null) {
            return START;
        }
        String[] p = s.split(" ", 3);
        if (p.length != 3) {
            throw new IllegalStateException("corrupt chain tip in the state store (" + p.length + " parts)");
        }
        return new ChainTip(Long.parseLong(p[0]), p[1], Long.parseLong(p[2]));
    }
}
