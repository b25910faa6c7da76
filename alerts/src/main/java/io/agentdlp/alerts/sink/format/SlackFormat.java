package io.agentdlp.alerts.sink.format;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;

/**
 * Slack incoming-webhook message (also accepted by Mattermost and Rocket.Chat, which read
 * {@code text}): a plain {@code text} fallback and Block Kit blocks with the who/what/where of the
 * alert, redacted evidence and a button to the console. Every user-controlled string is escaped for
 * Slack's mrkdwn ({@code & < >}) so an alert cannot inject mentions or links.
 */
public final class SlackFormat {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_HEADER = 150;
    private static final int MAX_SECTION = 2900;
    private static final int MAX_EVIDENCE = 5;
    private final AlertLinks links;

    public SlackFormat(AlertLinks links) {
        this.links = links;
    }

    /** The message for one alert update. */
    public ObjectNode message(DlpAlert a) {
        ObjectNode o = F.objectNode();
        String headline = "[" + a.getSeverity().name() + "] " + a.getTitle();
        o.put("text", escape(headline));
        ArrayNode blocks = o.putArray("blocks");

        ObjectNode header = blocks.addObject();
        header.put("type", "header");
        ObjectNode ht = header.putObject("text");
        ht.put("type", "plain_text");
        ht.put("text", truncate(headline, MAX_HEADER));

        ObjectNode explanation = blocks.addObject();
        explanation.put("type", "section");
        explanation.set("text", mrkdwn(truncate(escape(a.getExplanation()), MAX_SECTION)));

        ObjectNode facts = blocks.addObject();
        facts.put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        for (String f : facts(a)) {
            fields.add(mrkdwn(f));
        }

        if (!a.getEvidence().isEmpty()) {
            ObjectNode ctx = blocks.addObject();
            ctx.put("type", "context");
            ctx.putArray("elements").add(mrkdwn(evidence(a.getEvidence())));
        }

        List<ObjectNode> buttons = new ArrayList<>();
        links.alert(a.getAlertId()).ifPresent(url -> buttons.add(button("Open in console", url, "open_console")));
        links.code(a.getCodeMatch()).ifPresent(url -> buttons.add(button("View source", url, "view_source")));
        if (!buttons.isEmpty()) {
            ObjectNode actions = blocks.addObject();
            actions.put("type", "actions");
            ArrayNode elements = actions.putArray("elements");
            buttons.forEach(elements::add);
        }
        return o;
    }

    private static List<String> facts(DlpAlert a) {
        List<String> f = new ArrayList<>();
        f.add("*Detector*\n" + escape(a.getDetector() + " / " + a.getRuleId()));
        f.add("*Occurrences*\n" + a.getOccurrenceCount() + " (last " + AlertJson.iso(a.getLastSeen()) + ")");
        if (a.getUserEmail() != null || a.getUserId() != null) {
            f.add("*User*\n" + escape(a.getUserEmail() != null ? a.getUserEmail() : a.getUserId()));
        }
        if (a.getDeviceId() != null) {
            f.add("*Device*\n" + escape(a.getDeviceId()));
        }
        if (a.getAgentName() != null) {
            f.add("*Agent*\n" + escape(a.getAgentName() + (a.getAgentVersion() == null ? "" : " " + a.getAgentVersion())));
        }
        if (a.getRepoRemote() != null) {
            f.add("*Repository*\n" + escape(a.getRepoRemote()));
        }
        Destination d = a.getDestination();
        if (d != null && d.getHost() != null) {
            f.add("*Destination*\n" + escape(d.getHost() + (d.getPort() == null ? "" : ":" + d.getPort())));
        }
        CodeMatch m = a.getCodeMatch();
        if (m != null) {
            f.add("*Source*\n" + escape(m.getRepo() + ": " + m.getSourcePath() + " L" + m.getSourceStartLine()
                    + "-" + m.getSourceEndLine() + " (" + Math.round(m.getSimilarity() * 100) + "%)"));
        }
        f.add("*Status*\n" + a.getStatus().name());
        // Slack allows at most ten fields per section.
        return f.size() > 10 ? f.subList(0, 10) : f;
    }

    private static String evidence(List<Finding> evidence) {
        StringBuilder sb = new StringBuilder("Evidence: ");
        int n = Math.min(MAX_EVIDENCE, evidence.size());
        for (int i = 0; i < n; i++) {
            Finding f = evidence.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('`').append(escape(f.getRedactedPreview()).replace("`", "'")).append("` hash `")
                    .append(escape(shortHash(f.getKeyedHash()))).append('`');
        }
        if (evidence.size() > n) {
            sb.append(" and ").append(evidence.size() - n).append(" more");
        }
        return sb.toString();
    }

    private static ObjectNode button(String text, String url, String actionId) {
        ObjectNode b = F.objectNode();
        b.put("type", "button");
        ObjectNode t = b.putObject("text");
        t.put("type", "plain_text");
        t.put("text", text);
        b.put("url", url);
        b.put("action_id", actionId);
        return b;
    }

    private static ObjectNode mrkdwn(String text) {
        ObjectNode t = F.objectNode();
        t.put("type", "mrkdwn");
        t.put("text", text);
        return t;
    }

    /** Escapes Slack's control characters; see Slack's "Escaping text" rules. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String shortHash(String h) {
        return h.length() <= 12 ? h : h.substring(0, 12) + "…";
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
