package io.agentdlp.alerts.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.feed.AlertStore;
import io.agentdlp.alerts.triage.TriageRequest;
import io.agentdlp.alerts.triage.TriageService;
import io.agentdlp.avro.TriageAction;

/**
 * {@code POST /api/alerts/{id}/triage} with {@code {"action": "acknowledge"|"resolve"|"reopen"|
 * "suppress"|"assign"|"unassign"|"comment", "until": ISO-8601, "reason": ..., "assignee": ...,
 * "text": ...}}; answers with the updated alert.
 */
final class TriageApi {
    private final TriageService triage;
    private final AlertStore store;
    private final ViewJson json;
    private final Clock clock;

    TriageApi(TriageService triage, AlertStore store, ViewJson json, Clock clock) {
        this.triage = triage;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(new Route("POST", "/api/alerts/{id}/triage", Role.TRIAGER, true, this::apply));
    }

    private void apply(WebRequest r) throws IOException {
        JsonNode body = r.json();
        String id = r.path("id");
        triage.apply(r.principal(), id, request(body), r.remote());
        var view = store.get(id).orElseThrow(() -> new HttpError(404, "alert not found"));
        Responses.json(r.exchange(), 200, json.summary(view, clock.instant()));
    }

    static TriageRequest request(JsonNode b) {
        String action = b.path("action").asText("");
        TriageAction a;
        try {
            a = TriageAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "action must be acknowledge, resolve, reopen, suppress, assign, unassign or comment");
        }
        return switch (a) {
            case ACKNOWLEDGE -> TriageRequest.acknowledge();
            case RESOLVE -> TriageRequest.resolve();
            case REOPEN -> TriageRequest.reopen();
            case UNASSIGN -> TriageRequest.unassign();
            case SUPPRESS -> TriageRequest.suppress(time(b.path("until").asText(null)), b.path("reason").asText(null));
            case ASSIGN -> TriageRequest.assign(b.path("assignee").asText(null));
            case COMMENT -> TriageRequest.comment(b.path("text").asText(null));
            default -> throw new HttpError(400, "unknown action");
        };
    }

    private static Instant time(String s) {
        if (s == null) {
            throw new HttpError(400, "suppress needs 'until' (ISO-8601 time)");
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new HttpError(400, "'until' must be an ISO-8601 time such as 2025-01-31T00:00:00Z");
        }
    }
}
