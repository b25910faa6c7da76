package io.agentdlp.alerts.audit;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.agentdlp.alerts.auth.Principal;
import io.agentdlp.avro.AuditEvent;
import io.agentdlp.avro.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records console actions: to the dlp-audit topic (through {@code publisher}), to the log, and to a
 * bounded in-memory list of recent entries for the admin page. Callers pass only non-secret details.
 */
public final class AuditTrail {
    private static final Logger log = LoggerFactory.getLogger("io.agentdlp.alerts.audit");
    private static final int RECENT = 500;
    private final Consumer<AuditEvent> publisher;
    private final Clock clock;
    private final Deque<AuditEvent> recent = new ArrayDeque<>();

    public AuditTrail(Consumer<AuditEvent> publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Records an action by an authenticated user. */
    public void record(Principal p, String action, String target, AuditOutcome outcome, String remote,
                       Map<String, String> details) {
        record(p.name(), p.role().id(), p.method(), action, target, outcome, remote, details);
    }

    /** Records an action by a caller who may not be authenticated (role and method null). */
    public void record(String actor, String role, String method, String action, String target, AuditOutcome outcome,
                       String remote, Map<String, String> details) {
        AuditEvent e = AuditEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAt(clock.instant())
                .setActor(actor == null ? "" : actor)
                .setRole(role)
                .setAuthMethod(method)
                .setAction(action)
                .setTarget(target)
                .setOutcome(outcome)
                .setRemoteAddress(remote)
                .setDetails(details)
                .build();
        log.info("event=audit action={} actor={} outcome={} target={} remote={}", action, e.getActor(), outcome,
                target, remote);
        synchronized (recent) {
            recent.addFirst(e);
            while (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
        publisher.accept(e);
    }

    /** Most recent entries, newest first. */
    public List<AuditEvent> recent(int limit) {
        synchronized (recent) {
            List<AuditEvent> l = new ArrayList<>(Math.min(limit, recent.size()));
            for (AuditEvent e : recent) {
                if (l.size() == limit) {
                    break;
                }
                l.add(e);
            }
            return l;
        }
    }
}
