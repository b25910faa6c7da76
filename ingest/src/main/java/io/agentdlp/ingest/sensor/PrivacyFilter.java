package io.agentdlp.ingest.sensor;

import java.util.List;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Tool;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.ingest.normalize.FingerprintEncoder;

/**
 * Privacy mode: raw content never leaves the machine. Each event keeps sizes and SHA-256 of its
 * content, gets winnowing fingerprints of the text (so the topology still matches own code against
 * the central index) and its redacted local findings; the text and the tool input are removed.
 */
public final class PrivacyFilter {
    private final FingerprintEncoder fingerprints;

    public PrivacyFilter(Fingerprinter fingerprinter) {
        this.fingerprints = new FingerprintEncoder(fingerprinter);
    }

    /** Strips content in place and returns the events. */
    public List<AgentEgressEvent> apply(List<AgentEgressEvent> events) {
        for (AgentEgressEvent e : events) {
            Content c = e.getContent();
            if (c != null && c.getText() != null) {
                e.setFingerprints(fingerprints.encode(c.getText()));
                e.setContent(new Content(null, c.getBytes(), c.getSha256(), c.getTruncated(), c.getRedactedBySource(), c.getField()));
            }
            Tool t = e.getTool();
            if (t != null && t.getInputJson() != null) {
                e.setTool(new Tool(t.getName(), t.getCategory(), null, t.getMcpServer()));
            }
            e.setPrivacyMode(true);
        }
        return events;
    }
}
