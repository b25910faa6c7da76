package io.agentdlp.ingest.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.User;
import io.agentdlp.detection.policy.PolicyDecision;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyRequest;
import io.agentdlp.ingest.normalize.DeviceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access policy this sensor enforces right now, swapped atomically when a new version arrives.
 * Decisions are made for the install's subject: the token-bound user and groups when the gateway
 * supplied them, else the install's own device context; never the identity an agent payload claims.
 */
public final class EnforcedPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(EnforcedPolicy.class);

    /**
     * One installed version.
     *
     * @param engine   compiled policy
     * @param subject  token-bound subject
     * @param origin   where it came from: gateway, cache or file
     * @param loadedAt when it was installed
     */
    public record Snapshot(PolicyEngine engine, PolicySubject subject, String origin, Instant loadedAt) {
    }

    private final DeviceContext device;
    private final Clock clock;
    private volatile Snapshot current;

    public EnforcedPolicy(DeviceContext device, Clock clock) {
        this.device = Objects.requireNonNull(device, "device");
        this.clock = clock;
    }

    /** Installs a bundle unless the same policy id and version with the same subject is already enforced. */
    public boolean install(PolicyBundle bundle, String origin) {
        Snapshot now = current;
        if (now != null && now.engine().document().id().equals(bundle.policy().id())
                && now.engine().document().version() == bundle.policy().version() && now.subject().equals(bundle.subject())) {
            return false;
        }
        current = new Snapshot(new PolicyEngine(bundle.policy()), bundle.subject(), origin, clock.instant());
        LOG.info("event=policy_installed policy_id={} version={} rules={} origin={} previous_version={}",
                bundle.policy().id(), bundle.policy().version(), bundle.policy().rules().size(), origin,
                now == null ? "none" : String.valueOf(now.engine().document().version()));
        return true;
    }

    /** The installed version, or null before any policy was loaded. */
    public Snapshot current() {
        return current;
    }

    /**
     * Decides one event, or returns null when no policy is installed.
     *
     * @param sensitive true when detectors found secrets or own code in the event
     */
    public PolicyDecision decide(AgentEgressEvent e, boolean sensitive) {
        Snapshot s = current;
        if (s == null) {
            return null;
        }
        return s.engine().decide(request(s.subject(), e, sensitive));
    }

    /**
     * Stamps the token-bound user on events, replacing what an agent payload claimed: the gateway
     * accepts only events of the identity the token is bound to.
     */
    public void stampSubject(List<AgentEgressEvent> events) {
        Snapshot s = current;
        if (s == null || (s.subject().userId() == null && s.subject().userEmail() == null)) {
            return;
        }
        for (AgentEgressEvent e : events) {
            User u = e.getUser();
            if (s.subject().userId() != null) {
                u.setId(s.subject().userId());
            }
            if (s.subject().userEmail() != null) {
                u.setEmail(s.subject().userEmail());
            }
        }
    }

    PolicyRequest request(PolicySubject subject, AgentEgressEvent e, boolean sensitive) {
        String userId = subject.userId() != null ? subject.userId() : device.userId();
        String email = subject.userEmail() != null ? subject.userEmail() : device.userEmail();
        String deviceId = subject.deviceId() != null ? subject.deviceId() : device.deviceId();
        var tool = e.getTool();
        var dest = e.getDestination();
        return new PolicyRequest(userId, email, subject.groups(), deviceId,
                e.getAgent() == null ? null : e.getAgent().getName(), e.getAgent() == null ? null : e.getAgent().getVersion(),
                tool == null ? null : tool.getName(), tool == null ? null : tool.getCategory().name(),
                tool == null ? null : tool.getMcpServer(),
                dest == null ? null : dest.getHost(), dest == null ? null : dest.getUrl(), e.getAgent() == null ? null : e.getAgent().getModel(),
                e.getRepo() == null ? null : e.getRepo().getRemote(), e.getFilePath(),
                e.getContent() == null ? 0 : e.getContent().getBytes(), sensitive);
    }
}
