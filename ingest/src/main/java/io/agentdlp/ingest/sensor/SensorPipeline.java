package io.agentdlp.ingest.sensor;

import java.util.List;
import java.util.concurrent.CompletionException;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.normalize.NormalizedHook;
import io.agentdlp.ingest.policy.EnforcedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to normalized events on the sensor: inline decision for blockable hooks, local
 * findings and content stripping in privacy mode, then the write-ahead spool. A failure of the
 * decision code itself is handled like an unavailable verdict service (fail-open or fail-closed).
 */
final class SensorPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(SensorPipeline.class);

    private final InlineDecider decider;
    private final PrivacyFilter privacy;
    private final EventPublisher spool;
    private final SensorActivity activity;
    private final boolean failClosed;
    private final EnforcedPolicy policy;

    /**
     * @param privacy the privacy filter, or null when privacy mode is off
     * @param policy  the access policy whose token-bound subject is stamped on events
     */
    SensorPipeline(InlineDecider decider, PrivacyFilter privacy, EventPublisher spool, SensorActivity activity, boolean failClosed,
                   EnforcedPolicy policy) {
        this.policy = policy;
        this.decider = decider;
        this.privacy = privacy;
        this.spool = spool;
        this.activity = activity;
        this.failClosed = failClosed;
    }

    /** Decides (when blockable), spools, and returns the decision to answer with. */
    Decision hook(NormalizedHook hook) {
        List<AgentEgressEvent> events = hook.events();
        Decision d = Decision.allow();
        if (hook.blockable()) {
            try {
                InlineDecider.Decided decided = decider.decide(events, HookAnswers.askSupported(hook.agent(), hook.eventName()));
                d = decided.decision();
                events = decided.events();
            } catch (RuntimeException e) {
                LOG.error("event=inline_decision_failed agent={} hook_event={} fail_mode={} error={}",
                        hook.agent().id(), hook.eventName(), failClosed ? "closed" : "open", e.getClass().getSimpleName(), e);
                d = failClosed
                        ? new Decision(Decision.Verdict.DENY, EnforcementMode.ENFORCE,
                                "agentdlp could not check this action and is configured to fail closed", List.of(), "closed", "sensor_error")
                        : new Decision(Decision.Verdict.ALLOW, null, null, List.of(), "open", "sensor_error");
                for (AgentEgressEvent e2 : events) {
                    e2.getAttributes().put("dlp.decision", d.verdict().name().toLowerCase(java.util.Locale.ROOT));
                    e2.getAttributes().put("dlp.fail_mode", d.failMode());
                    e2.getAttributes().put("dlp.verdict_error", "sensor_error");
                }
            }
            activity.count(d);
        } else if (privacy != null) {
            events = decider.scan(events);
        }
        publish(events);
        return d;
    }

    /** Spools events that need no decision (OTLP); true when they were spooled. */
    boolean telemetry(List<AgentEgressEvent> events) {
        return publish(privacy != null ? decider.scan(events) : events);
    }

    private boolean publish(List<AgentEgressEvent> events) {
        policy.stampSubject(events);
        if (privacy != null) {
            privacy.apply(events);
        }
        if (events.isEmpty()) {
            return true;
        }
        activity.record(events);
        try {
            spool.publish(events).join();
            return true;
        } catch (CompletionException e) {
            activity.notSpooled.addAndGet(events.size());
            LOG.error("event=events_not_spooled count={} first_event_id={} error={}", events.size(),
                    events.get(0).getEventId(), e.getCause() == null ? e.toString() : e.getCause().getMessage());
            return false;
        }
    }
}
