package io.agentdlp.topology.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import io.agentdlp.avro.Policy;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.policy.Effect;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyRequest;

/**
 * Every published policy document, compiled with the detection library's {@link PolicyEngine}
 * (the same precedence the sensor and proxy enforce). For one egress: a rule decision of any
 * document wins over defaults (the strictest if several documents have one); without a rule
 * decision the destination is allowed when some document lists it in {@code allowed_destinations},
 * else the strictest {@code default_effect} applies. With no document published everything is
 * allowed. Immutable and thread-safe.
 */
public final class PolicyBook {
    /** No policy published. */
    public static final PolicyBook EMPTY = new PolicyBook(List.of());

    private final List<PolicyEngine> engines;
    private final Map<String, Long> versions;

    private PolicyBook(Collection<Policy> policies) {
        List<PolicyEngine> es = new ArrayList<>();
        policies.stream().sorted(Comparator.comparing(Policy::getPolicyId))
                .forEach(p -> es.add(new PolicyEngine(PolicyDocuments.fromAvro(p))));
        this.engines = List.copyOf(es);
        Map<String, Long> v = new TreeMap<>();
        es.forEach(e -> v.put(e.document().id(), e.document().version()));
        this.versions = Map.copyOf(v);
    }

    public static PolicyBook of(Collection<Policy> policies) {
        return policies.isEmpty() ? EMPTY : new PolicyBook(policies);
    }

    /** The decision for one egress. */
    public PolicyDecision decide(EgressRequest r) {
        if (engines.isEmpty()) {
            return PolicyDecision.NO_POLICY;
        }
        PolicyRequest q = new PolicyRequest(r.userId(), r.userEmail(), r.groups(), r.deviceId(), r.agentName(),
                r.agentVersion(), r.toolName(), r.toolCategory(), r.mcpServer(),
                r.endpoint() == null ? null : r.endpoint().host(), r.endpoint() == null ? null : r.endpoint().url(), r.model(),
                r.repoRemote(), r.filePath(), r.contentBytes(), r.sensitiveContent());
        io.agentdlp.detection.policy.PolicyDecision ruled = null;
        io.agentdlp.detection.policy.PolicyDecision strictestDefault = null;
        for (PolicyEngine e : engines) {
            io.agentdlp.detection.policy.PolicyDecision d = e.decide(q);
            if (!d.byDefault()) {
                if (ruled == null || d.effect().ordinal() > ruled.effect().ordinal()) {
                    ruled = d;
                }
            } else if (strictestDefault == null || d.effect().ordinal() > strictestDefault.effect().ordinal()) {
                strictestDefault = d;
            }
        }
        if (ruled != null) {
            return new PolicyDecision(ruled.effect(), ruled.policyId(), ruled.policyVersion(), ruled.ruleId(),
                    ruled.severity() == null ? Severity.MEDIUM : ruled.severity(), ruled.reason());
        }
        String host = r.endpoint() == null ? null : r.endpoint().host();
        for (PolicyEngine e : engines) {
            if (e.allowedDestination(host)) {
                return new PolicyDecision(Effect.ALLOW, e.document().id(), e.document().version(), "allowed-destinations",
                        Severity.INFO, null);
            }
        }
        Effect eff = strictestDefault.effect();
        return new PolicyDecision(eff, strictestDefault.policyId(), strictestDefault.policyVersion(), "default",
                eff == Effect.ALLOW ? Severity.INFO : Severity.MEDIUM, "destination not in the allowed list");
    }

    /** True when some document marks reads of {@code path} as sensitive. */
    public boolean sensitivePath(String path) {
        for (PolicyEngine e : engines) {
            if (e.sensitivePath(path)) {
                return true;
            }
        }
        return false;
    }

    /** A named threshold from the policies (first document by id that sets it). */
    public OptionalDouble threshold(String name) {
        for (PolicyEngine e : engines) {
            Double v = e.document().thresholds().get(name);
            if (v != null) {
                return OptionalDouble.of(v);
            }
        }
        return OptionalDouble.empty();
    }

    /** Policy id → version of every document in force. */
    public Map<String, Long> versions() {
        return versions;
    }
}
