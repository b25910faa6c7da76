package io.agentdlp.ingest.sensor;

import java.util.List;

import io.agentdlp.avro.Finding;

/**
 * What the central verdict service (the topology's {@code /v1/verdict}) said about a blockable
 * action: its own findings (own-code matches against the central index, policy) and, optionally,
 * an explicit verdict.
 *
 * @param verdict  {@code allow}, {@code warn}, {@code deny}, or null when the service only reports findings
 * @param reason   the service's reason, or null
 * @param findings redacted findings
 */
public record RemoteVerdict(String verdict, String reason, List<Finding> findings) {
    public RemoteVerdict {
        findings = List.copyOf(findings);
    }
}
