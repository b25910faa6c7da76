package io.agentdlp.alerts.web;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.audit.AuditTrail;
import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.sink.SinkStatus;
import io.agentdlp.avro.AuditEvent;

/** Admin-only: sink health and the recent audit trail. */
final class AdminApi {
    private final Supplier<List<SinkStatus>> sinks;
    private final AuditTrail audit;

    AdminApi(Supplier<List<SinkStatus>> sinks, AuditTrail audit) {
        this.sinks = sinks;
        this.audit = audit;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/admin/sinks", Role.ADMIN, false, this::sinks),
                new Route("GET", "/api/admin/audit", Role.ADMIN, false, this::audit));
    }

    private void sinks(WebRequest r) throws IOException {
        ArrayNode a = AlertJson.MAPPER.createArrayNode();
        for (SinkStatus s : sinks.get()) {
            ObjectNode o = a.addObject();
            o.put("name", s.name());
            o.put("type", s.type());
            o.put("pending", s.pending());
            o.put("delivered", s.delivered());
            o.put("dead_lettered", s.deadLettered());
            o.put("last_error", s.lastError());
            o.put("last_error_at", AlertJson.iso(s.lastErrorAt()));
            o.put("last_delivered_at", AlertJson.iso(s.lastDeliveredAt()));
        }
        Responses.json(r.exchange(), 200, a);
    }

    private void audit(WebRequest r) throws IOException {
        int limit = 200;
        List<String> l = r.query().get("limit");
        if (l != null && !l.isEmpty()) {
            try {
                limit = Math.max(1, Math.min(500, Integer.parseInt(l.get(0))));
            } catch (NumberFormatException e) {
                throw new HttpError(400, "limit must be an integer");
            }
        }
        ArrayNode a = AlertJson.MAPPER.createArrayNode();
        for (AuditEvent e : audit.recent(limit)) {
            ObjectNode o = a.addObject();
            o.put("at", AlertJson.iso(e.getAt()));
            o.put("actor", e.getActor());
            o.put("role", e.getRole());
            o.put("auth_method", e.getAuthMethod());
            o.put("action", e.getAction());
            o.put("target", e.getTarget());
            o.put("outcome", e.getOutcome().name());
            o.put("remote_address", e.getRemoteAddress());
            o.set("details", AlertJson.stringMap(e.getDetails()));
        }
        Responses.json(r.exchange(), 200, a);
    }
}
