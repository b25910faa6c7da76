package io.agentdlp.ingest.sensor;

import java.util.ArrayList;
import java.util.List;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.avro.Tool;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.Fingerprints;

/**
 * Privacy mode: raw content never leaves the machine. Each event keeps sizes and SHA-256 of its
 * content, gets winnowing fingerprints of the text (so the topology still matches own code against
 * the central index) and its redacted local findings; the text and the tool input are removed.
 */
public final class PrivacyFilter {
    private final Fingerprinter fingerprinter;

    public PrivacyFilter(Fingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    /** Strips content in place and returns the events. */
    public List<AgentEgressEvent> apply(List<AgentEgressEvent> events) {
        for (AgentEgressEvent e : events) {
            Content c = e.getContent();
            if (c != null && c.getText() != null) {
                Fingerprints fp = fingerprinter.fingerprint(c.getText());
                List<Long> hashes = new ArrayList<>(fp.size());
                List<Integer> lines = new ArrayList<>(fp.size());
                for (int i = 0; i < fp.size(); i++) {
                    hashes.add(fp.hash(i));
                    lines.add(fp.startLine(i));
                }
                e.setFingerprints(new ContentFingerprints(fingerprinter.config().k(), fingerprinter.config().w(), hashes, lines));
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
