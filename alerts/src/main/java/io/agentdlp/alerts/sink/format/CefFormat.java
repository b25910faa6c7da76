package io.agentdlp.alerts.sink.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;

/**
 * ArcSight Common Event Format (CEF:0) line for an alert: header
 * {@code CEF:0|vendor|product|version|detector:rule|title|severity|} and an extension of standard keys
 * plus labelled custom strings. Header fields escape {@code \} and {@code |}; extension values escape
 * {@code \}, {@code =} and line breaks, as the CEF specification requires.
 */
public final class CefFormat {
    private static final int MAX_VALUE = 1023;
    private final ProductInfo product;
    private final AlertLinks links;

    public CefFormat(ProductInfo product, AlertLinks links) {
        this.product = product;
        this.links = links;
    }

    /** The CEF line (no trailing newline). */
    public String line(DlpAlert a) {
        StringBuilder sb = new StringBuilder("CEF:0|");
        sb.append(header(product.vendor())).append('|')
                .append(header(product.name())).append('|')
                .append(header(product.version())).append('|')
                .append(header(a.getDetector() + ":" + a.getRuleId())).append('|')
                .append(header(a.getTitle())).append('|')
                .append(severity(a.getSeverity())).append('|');
        List<String[]> ext = extension(a);
        for (int i = 0; i < ext.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(ext.get(i)[0]).append('=').append(value(ext.get(i)[1]));
        }
        return sb.toString();
    }

    private List<String[]> extension(DlpAlert a) {
        List<String[]> e = new ArrayList<>();
        add(e, "rt", Long.toString(a.getLastSeen().toEpochMilli()));
        add(e, "start", Long.toString(a.getFirstSeen().toEpochMilli()));
        add(e, "end", Long.toString(a.getLastSeen().toEpochMilli()));
        add(e, "cnt", Long.toString(a.getOccurrenceCount()));
        add(e, "externalId", a.getAlertId());
        add(e, "cat", a.getDetector());
        add(e, "msg", a.getExplanation());
        add(e, "suid", a.getUserId());
        add(e, "suser", a.getUserEmail() != null ? a.getUserEmail() : a.getUserId());
        add(e, "shost", a.getDeviceId());
        Destination d = a.getDestination();
        if (d != null) {
            add(e, "dhost", d.getHost());
            add(e, "dpt", d.getPort() == null ? null : d.getPort().toString());
            add(e, "request", d.getUrl());
        }
        CodeMatch m = a.getCodeMatch();
        if (m != null) {
            add(e, "fname", baseName(m.getSourcePath()));
            add(e, "filePath", m.getSourcePath());
        }
        labelled(e, "cs1", "ruleId", a.getRuleId());
        labelled(e, "cs2", "sessionId", a.getSessionId());
        labelled(e, "cs3", "agent", a.getAgentName() == null ? null
                : a.getAgentName() + (a.getAgentVersion() == null ? "" : " " + a.getAgentVersion()));
        labelled(e, "cs4", "repository", a.getRepoRemote());
        labelled(e, "cs5", "evidence", evidence(a.getEvidence()));
        labelled(e, "cs6", "consoleUrl", links.alert(a.getAlertId()).orElse(null));
        labelled(e, "flexString1", "status", a.getStatus().name());
        if (m != null) {
            labelled(e, "flexString2", "codeRepo", m.getRepo());
            labelled(e, "cn1", "sourceStartLine", Integer.toString(m.getSourceStartLine()));
            labelled(e, "cn2", "sourceEndLine", Integer.toString(m.getSourceEndLine()));
            labelled(e, "cfp1", "codeSimilarity", String.format(Locale.ROOT, "%.4f", m.getSimilarity()));
        }
        if (a.getContentTruncated()) {
            labelled(e, "flexString3", "contentTruncated", "true");
        }
        return e;
    }

    private static String evidence(List<Finding> evidence) {
        if (evidence.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : evidence) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.getRuleId()).append(' ').append(f.getRedactedPreview()).append(" hmac:").append(f.getKeyedHash());
        }
        return sb.toString();
    }

    private static void add(List<String[]> e, String key, String value) {
        if (value != null) {
            e.add(new String[] {key, value});
        }
    }

    private static void labelled(List<String[]> e, String key, String label, String value) {
        if (value != null) {
            e.add(new String[] {key + "Label", label});
            e.add(new String[] {key, value});
        }
    }

    /** CEF severity 0..10. */
    static int severity(Severity s) {
        return switch (s) {
            case INFO -> 1;
            case LOW -> 3;
            case MEDIUM -> 5;
            case HIGH -> 8;
            case CRITICAL -> 10;
        };
    }

    static String header(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace('\r', ' ').replace('\n', ' ');
    }

    static String value(String s) {
        String v = s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) : s;
        return v.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String baseName(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }
}
