package io.agentdlp.launcher.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Tool;

/**
 * Makes an event safe to hand around as a replay set: the content text and the tool input (which
 * carries command lines and file contents) are dropped; sizes, the content SHA-256 (computed when
 * the sender did not set it), findings (already redacted), fingerprints, destinations and every
 * other field stay. A redacted replay set still backtests the detectors that do not read text
 * (destination policy by size, read-then-egress, volume, sensor findings).
 */
public final class EventRedaction {
    private EventRedaction() {
    }

    public static AgentEgressEvent redact(AgentEgressEvent e) {
        AgentEgressEvent.Builder b = AgentEgressEvent.newBuilder(e);
        Content c = e.getContent();
        if (c != null && c.getText() != null) {
            byte[] utf8 = c.getText().getBytes(StandardCharsets.UTF_8);
            Content.Builder cb = Content.newBuilder(c).setText(null);
            if (c.getSha256() == null && !c.getTruncated()) {
                cb.setSha256(sha256(utf8));
            }
            b.setContent(cb.build());
        }
        Tool t = e.getTool();
        if (t != null && t.getInputJson() != null) {
            b.setTool(Tool.newBuilder(t).setInputJson(null).build());
        }
        return b.build();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
