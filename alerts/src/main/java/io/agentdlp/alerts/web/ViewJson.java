package io.agentdlp.alerts.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.alerts.feed.AlertView;
import io.agentdlp.alerts.feed.SessionEvent;
import io.agentdlp.alerts.triage.TriageState;
import io.agentdlp.avro.DlpAlert;

/** JSON of alert views for the console API and live feed. */
final class ViewJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final AlertLinks links;

    ViewJson(AlertLinks links) {
        this.links = links;
    }

    /** A view as listed: the alert, its effective status and triage summary (no comment texts). */
    ObjectNode summary(AlertView v, Instant now) {
        ObjectNode o = AlertJson.toJson(v.alert());
        o.put("alert_status", v.alert().getStatus().name());
        o.put("status", v.effectiveStatus(now).name());
        o.put("reoccurred", v.reoccurred());
        o.put("sequence", v.sequence());
        o.put("console_url", links.alert(v.id()).orElse(null));
        o.put("code_url", links.code(v.alert().getCodeMatch()).orElse(null));
        TriageState t = v.triage();
        ObjectNode tj = o.putObject("triage");
        tj.put("status", t.status().name());
        tj.put("assignee", t.assignee());
        tj.put("suppressed_until", AlertJson.iso(t.suppressedUntil()));
        tj.put("suppress_reason", t.suppressReason());
        tj.put("version", t.version());
        tj.put("updated_at", AlertJson.iso(t.updatedAt()));
        tj.put("updated_by", t.updatedBy());
        tj.put("comment_count", t.comments().size());
        return o;
    }

    /** A view with comments, history and the session timeline. */
    ObjectNode detail(AlertView v, List<AlertView> sessionAlerts, List<SessionEvent> sessionEvents, Instant now) {
        ObjectNode o = summary(v, now);
        ObjectNode tj = (ObjectNode) o.get("triage");
        ArrayNode comments = tj.putArray("comments");
        for (TriageState.Comment c : v.triage().comments()) {
            ObjectNode cj = comments.addObject();
            cj.put("author", c.author());
            cj.put("at", AlertJson.iso(c.at()));
            cj.put("text", c.text());
        }
        ArrayNode history = tj.putArray("history");
        for (TriageState.Entry e : v.triage().history()) {
            ObjectNode ej = history.addObject();
            ej.put("action", e.action().name());
            ej.put("actor", e.actor());
            ej.put("at", AlertJson.iso(e.at()));
            ej.put("detail", e.detail());
        }
        o.set("timeline", timeline(v, sessionAlerts, sessionEvents));
        return o;
    }

    /** Session events and alerts merged in time order; events list the alerts they triggered. */
    private ArrayNode timeline(AlertView v, List<AlertView> sessionAlerts, List<SessionEvent> events) {
        Map<String, List<String>> triggered = new HashMap<>();
        for (AlertView a : sessionAlerts) {
            for (String id : a.alert().getEventIds()) {
                triggered.computeIfAbsent(id, k -> new ArrayList<>()).add(a.id());
            }
        }
        record Item(Instant time, ObjectNode json) {
        }
        List<Item> items = new ArrayList<>();
        for (SessionEvent e : events) {
            ObjectNode j = F.objectNode();
            j.put("type", "event");
            putEvent(j, e);
            ArrayNode t = j.putArray("alerts");
            triggered.getOrDefault(e.eventId(), List.of()).forEach(t::add);
            items.add(new Item(e.time(), j));
        }
        List<AlertView> alerts = sessionAlerts.isEmpty() ? List.of(v) : sessionAlerts;
        for (AlertView a : alerts) {
            DlpAlert al = a.alert();
            ObjectNode j = F.objectNode();
            j.put("type", "alert");
            j.put("time", AlertJson.iso(al.getFirstSeen()));
            j.put("alert_id", a.id());
            j.put("title", al.getTitle());
            j.put("severity", al.getSeverity().name());
            j.put("detector", al.getDetector());
            j.put("occurrence_count", al.getOccurrenceCount());
            j.put("current", a.id().equals(v.id()));
            items.add(new Item(al.getFirstSeen(), j));
        }
        items.sort(Comparator.comparing(Item::time));
        ArrayNode out = F.arrayNode();
        items.forEach(i -> out.add(i.json()));
        return out;
    }

    /**
     * Every kept event of a session in event-time order, each with the alerts it triggered placed on it
     * (an alert lists its triggering event ids), and the session's alerts that sit on no kept event.
     */
    ObjectNode sessionTimeline(String sessionId, List<AlertView> sessionAlerts, List<SessionEvent> events, Instant now) {
        Map<String, List<AlertView>> placed = new HashMap<>();
        for (AlertView a : sessionAlerts) {
            for (String id : a.alert().getEventIds()) {
                placed.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
            }
        }
        List<SessionEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(SessionEvent::time));
        ObjectNode o = F.objectNode();
        o.put("session_id", sessionId);
        o.put("source", "console");
        o.put("events_total", ordered.size());
        o.put("alerts_total", sessionAlerts.size());
        o.put("first_seen", ordered.isEmpty() ? null : AlertJson.iso(ordered.get(0).time()));
        o.put("last_seen", ordered.isEmpty() ? null : AlertJson.iso(ordered.get(ordered.size() - 1).time()));
        ArrayNode out = o.putArray("events");
        Set<String> onAnEvent = new HashSet<>();
        for (SessionEvent e : ordered) {
            ObjectNode j = out.addObject();
            putEvent(j, e);
            ArrayNode alerts = j.putArray("alerts");
            for (AlertView a : placed.getOrDefault(e.eventId(), List.of())) {
                alerts.add(timelineAlert(a, now));
                onAnEvent.add(a.id());
            }
        }
        ArrayNode unplaced = o.putArray("unplaced_alerts");
        for (AlertView a : sessionAlerts) {
            if (!onAnEvent.contains(a.id())) {
                unplaced.add(timelineAlert(a, now));
            }
        }
        return o;
    }

    private static ObjectNode timelineAlert(AlertView a, Instant now) {
        DlpAlert al = a.alert();
        ObjectNode j = F.objectNode();
        j.put("alert_id", a.id());
        j.put("title", al.getTitle());
        j.put("severity", al.getSeverity().name());
        j.put("detector", al.getDetector());
        j.put("rule_id", al.getRuleId());
        j.put("status", a.effectiveStatus(now).name());
        j.put("first_seen", AlertJson.iso(al.getFirstSeen()));
        j.put("occurrence_count", al.getOccurrenceCount());
        return j;
    }

    /** What the console shows of one agent event: metadata only, never content. */
    private static void putEvent(ObjectNode j, SessionEvent e) {
        j.put("time", AlertJson.iso(e.time()));
        j.put("event_id", e.eventId());
        j.put("kind", e.kind());
        j.put("source", e.source());
        j.put("tool", e.tool());
        j.put("destination", e.destination());
        j.put("file_path", e.filePath());
        j.put("bytes", e.bytes());
        j.put("findings", e.findings());
    }
}
