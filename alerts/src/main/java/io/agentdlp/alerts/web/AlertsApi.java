package io.agentdlp.alerts.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.audit.AuditTrail;
import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.feed.AlertQuery;
import io.agentdlp.alerts.feed.AlertStore;
import io.agentdlp.alerts.feed.AlertView;
import io.agentdlp.alerts.feed.Overview;
import io.agentdlp.alerts.feed.SessionEvent;
import io.agentdlp.alerts.feed.SessionEventIndex;
import io.agentdlp.avro.AuditOutcome;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.TriageStatus;

/** Read endpoints: alert list, alert detail (audited: it shows evidence), filter values, overview. */
final class AlertsApi {
    private static final int FACET_VALUES = 200;
    private final AlertStore store;
    private final SessionEventIndex sessionEvents;
    private final ViewJson json;
    private final AuditTrail audit;
    private final Clock clock;
    private final RecentViews views = new RecentViews(Duration.ofMinutes(10), 10_000);

    /** @param sessionEvents session event index, or null when session events are not consumed */
    AlertsApi(AlertStore store, SessionEventIndex sessionEvents, ViewJson json, AuditTrail audit, Clock clock) {
        this.store = store;
        this.sessionEvents = sessionEvents;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/alerts", Role.VIEWER, false, this::list),
                new Route("GET", "/api/alerts/{id}", Role.VIEWER, false, this::detail),
                new Route("GET", "/api/sessions/{id}/timeline", Role.VIEWER, false, this::sessionTimeline),
                new Route("GET", "/api/facets", Role.VIEWER, false, this::facets),
                new Route("GET", "/api/overview", Role.VIEWER, false, this::overview));
    }

    private void list(WebRequest r) throws IOException {
        AlertQuery q = AlertQuery.parse(r.query());
        Instant now = clock.instant();
        List<AlertView> matching = store.all().stream().filter(v -> q.matches(v, now)).toList();
        ObjectNode out = AlertJson.MAPPER.createObjectNode();
        out.put("total", matching.size());
        out.put("now", AlertJson.iso(now));
        ArrayNode items = out.putArray("items");
        matching.stream().skip(q.offset()).limit(q.limit()).forEach(v -> items.add(json.summary(v, now)));
        Responses.json(r.exchange(), 200, out);
    }

    private void detail(WebRequest r) throws IOException {
        String id = r.path("id");
        AlertView v = store.get(id).orElseThrow(() -> new HttpError(404, "alert not found"));
        String session = v.alert().getSessionId();
        List<AlertView> sessionAlerts = session == null ? List.of(v) : store.session(session);
        List<SessionEvent> events = session == null || sessionEvents == null ? List.of() : sessionEvents.events(session);
        if (views.firstIn(r.principal().name() + "\u0000" + id, clock.instant())) {
            audit.record(r.principal(), "alert.view", id, AuditOutcome.SUCCESS, r.remote(), Map.of());
        }
        Responses.json(r.exchange(), 200, json.detail(v, sessionAlerts, events, clock.instant()));
    }

    private void sessionTimeline(WebRequest r) throws IOException {
        String session = r.path("id");
        List<AlertView> alerts = store.session(session);
        List<SessionEvent> events = sessionEvents == null ? List.of() : sessionEvents.events(session);
        if (alerts.isEmpty() && events.isEmpty()) {
            throw new HttpError(404, "no events or alerts for this session");
        }
        Responses.json(r.exchange(), 200, json.sessionTimeline(session, alerts, events, clock.instant()));
    }

    private void facets(WebRequest r) throws IOException {
        List<AlertView> all = store.all();
        ObjectNode out = AlertJson.MAPPER.createObjectNode();
        facet(out, "detector", all, DlpAlert::getDetector);
        facet(out, "rule", all, DlpAlert::getRuleId);
        facet(out, "user", all, a -> a.getUserEmail() != null ? a.getUserEmail() : a.getUserId());
        facet(out, "device", all, DlpAlert::getDeviceId);
        facet(out, "agent", all, DlpAlert::getAgentName);
        facet(out, "repo", all, DlpAlert::getRepoRemote);
        facet(out, "destination", all, a -> a.getDestination() == null ? null : a.getDestination().getHost());
        ArrayNode sev = out.putArray("severity");
        for (Severity s : Severity.values()) {
            sev.add(s.name());
        }
        ArrayNode st = out.putArray("status");
        for (TriageStatus s : TriageStatus.values()) {
            st.add(s.name());
        }
        Responses.json(r.exchange(), 200, out);
    }

    private static void facet(ObjectNode out, String name, List<AlertView> all, Function<DlpAlert, String> key) {
        Map<String, Long> counts = new HashMap<>();
        for (AlertView v : all) {
            String k = key.apply(v.alert());
            if (k != null) {
                counts.merge(k, 1L, Long::sum);
            }
        }
        ArrayNode a = out.putArray(name);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(FACET_VALUES)
                .forEach(e -> a.add(e.getKey()));
    }

    private void overview(WebRequest r) throws IOException {
        AlertQuery q = AlertQuery.parse(r.query());
        Instant now = clock.instant();
        List<AlertView> matching = store.all().stream().filter(v -> q.matches(v, now)).toList();
        Overview o = Overview.of(matching, q.from(), q.to(), now);
        ObjectNode out = AlertJson.MAPPER.createObjectNode();
        out.put("total", o.total());
        out.put("bucket_start", AlertJson.iso(o.bucketStart()));
        out.put("bucket_ms", o.bucketWidth().toMillis());
        ObjectNode series = out.putObject("series");
        o.series().forEach((sev, counts) -> {
            ArrayNode a = series.putArray(sev.name());
            for (long c : counts) {
                a.add(c);
            }
        });
        ObjectNode bySev = out.putObject("by_severity");
        o.bySeverity().forEach((k, v) -> bySev.put(k.name(), v));
        ObjectNode byStatus = out.putObject("by_status");
        o.byStatus().forEach((k, v) -> byStatus.put(k.name(), v));
        top(out, "top_users", o.topUsers());
        top(out, "top_repos", o.topRepos());
        top(out, "top_destinations", o.topDestinations());
        top(out, "top_rules", o.topRules());
        Responses.json(r.exchange(), 200, out);
    }

    private static void top(ObjectNode out, String name, Map<String, Long> m) {
        ArrayNode a = out.putArray(name);
        m.forEach((k, v) -> {
            ObjectNode e = a.addObject();
            e.put("key", k);
            e.put("count", v);
        });
    }
}
