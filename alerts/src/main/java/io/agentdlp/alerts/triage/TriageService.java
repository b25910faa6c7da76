package io.agentdlp.alerts.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.agentdlp.alerts.audit.AuditTrail;
import io.agentdlp.alerts.auth.Principal;
import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.feed.AlertStore;
import io.agentdlp.alerts.metrics.AlertsMetrics;
import io.agentdlp.avro.AuditOutcome;

/**
 * Runs triage actions: checks the role, applies the rules to the current state, stores the new state
 * on dlp-alert-status (waiting for the acknowledgement, so an action the UI reports as done is
 * durable), updates the view at once and audits the action. Actions on one alert are serialized
 * within this console instance; across instances the latest write wins.
 */
public final class TriageService {
    private static final int STRIPES = 64;
    private final AlertStore store;
    private final TriageRules rules;
    private final TriagePublisher publisher;
    private final AuditTrail audit;
    private final AlertsMetrics metrics;
    private final Clock clock;
    private final Object[] locks = new Object[STRIPES];

    public TriageService(AlertStore store, TriageRules rules, TriagePublisher publisher, AuditTrail audit,
                         AlertsMetrics metrics, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.publisher = publisher;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Applies {@code request} to alert {@code alertId} as {@code who}.
     *
     * @throws TriageDeniedException     when the role may not triage
     * @throws AlertNotFoundException    when the alert is unknown
     * @throws TriageException           when the request is invalid
     * @throws TriageStorageException    when the state could not be stored
     */
    public TriageState apply(Principal who, String alertId, TriageRequest request, String remote) {
        String action = "triage." + TriageRules.actionName(request.action());
        if (!who.role().includes(Role.TRIAGER)) {
            audit.record(who, action, alertId, AuditOutcome.DENIED, remote, Map.of());
            throw new TriageDeniedException(who.role().id() + " may not triage alerts");
        }
        if (store.get(alertId).isEmpty()) {
            throw new AlertNotFoundException(alertId);
        }
        TriageState next;
        synchronized (locks[Math.floorMod(alertId.hashCode(), STRIPES)]) {
            Instant now = clock.instant();
            next = rules.apply(store.triage(alertId), request, who.name(), now);
            try {
                publisher.publish(next);
            } catch (TriageStorageException e) {
                audit.record(who, action, alertId, AuditOutcome.FAILED, remote, Map.of("error", e.getClass().getSimpleName()));
                throw e;
            }
            store.applyTriage(next);
        }
        metrics.triage(TriageRules.actionName(request.action()));
        audit.record(who, action, alertId, AuditOutcome.SUCCESS, remote, details(next, request));
        return next;
    }

    private static Map<String, String> details(TriageState s, TriageRequest r) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("status", s.status().name());
        d.put("version", Long.toString(s.version()));
        switch (r.action()) {
            case ASSIGN -> d.put("assignee", s.assignee());
            case SUPPRESS -> {
                d.put("suppressed_until", AlertJson.iso(s.suppressedUntil()));
                d.put("reason", s.suppressReason());
            }
            default -> {
            }
        }
        return d;
    }

    /** The caller's role does not allow triage. */
    public static final class TriageDeniedException extends RuntimeException {
        TriageDeniedException(String message) {
            super(message);
        }
    }

    /** No alert with that id is held by the console. */
    public static final class AlertNotFoundException extends RuntimeException {
        AlertNotFoundException(String alertId) {
            super("no alert " + alertId);
        }
    }
}
