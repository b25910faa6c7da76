package io.agentdlp.ingest.delivery;

import java.io.IOException;

/** An append that would exceed the spool's disk bound under {@link SpoolConfig.WhenFull#REJECT_NEW}. */
public final class SpoolFullException extends IOException {
    private static final long serialVersionUID = 1L;

    public SpoolFullException(long bytesOnDisk, long maxBytes, long appendBytes) {
        super("spool full: " + bytesOnDisk + " of " + maxBytes + " bytes used, append of " + appendBytes + " bytes refused");
    }
}
