package io.agentdlp.topology.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import io.agentdlp.avro.Effect;
import io.agentdlp.avro.Policy;
import io.agentdlp.detection.Severity;

/**
 * The compiled view of every published policy document. Decision order for one egress: the most
 * specific matching rule across documents (ties: deny &gt; ask &gt; warn &gt; allow); else ALLOW when
 * the host matches some document's {@code allowed_destinations}; else the strictest
 * {@code default_effect} among documents. With no document published everything is allowed.
 * Immutable and thread-safe.
 */
public final class PolicyBook {
    /** No policy published. */
    public static final PolicyBook EMPTY = new PolicyBook(List.of());

    private final List<CompiledRule> rules;
    private final List<Glob> allowedDestinations;
    private final List<Glob> sensitivePaths;
    private final Map<String, Double> thresholds;
    private final Map<String, Long> versions;
    private final Policy defaultDocument;

    private PolicyBook(Collection<Policy> policies) {
        List<Policy> docs = new ArrayList<>(policies);
        docs.sort(Comparator.comparing(Policy::getPolicyId));
        List<CompiledRule> rs = new ArrayList<>();
        List<Glob> allowed = new ArrayList<>();
        List<Glob> sensitive = new ArrayList<>();
        Map<String, Double> th = new HashMap<>();
        Map<String, Long> vs = new TreeMap<>();
        Policy strictest = null;
        for (Policy p : docs) {
            p.getRules().forEach(r -> rs.add(new CompiledRule(p.getPolicyId(), p.getVersion(), r)));
            p.getAllowedDestinations().forEach(d -> allowed.add(Glob.host(d)));
            p.getSensitivePaths().forEach(s -> sensitive.add(Glob.path(s)));
            p.getThresholds().forEach(th::putIfAbsent);
            vs.put(p.getPolicyId(), p.getVersion());
            if (strictest == null || rank(p.getDefaultEffect()) > rank(strictest.getDefaultEffect())) {
                strictest = p;
            }
        }
        rs.sort(Comparator.comparingInt((CompiledRule r) -> r.specificity).reversed()
                .thenComparing(Comparator.comparingInt((CompiledRule r) -> rank(r.effect)).reversed()));
        this.rules = List.copyOf(rs);
        this.allowedDestinations = List.copyOf(allowed);
        this.sensitivePaths = List.copyOf(sensitive);
        this.thresholds = Map.copyOf(th);
        this.versions = Map.copyOf(vs);
        this.defaultDocument = strictest;
    }

    public static PolicyBook of(Collection<Policy> policies) {
        return policies.isEmpty() ? EMPTY : new PolicyBook(policies);
    }

    /** The decision for one egress. */
    public PolicyDecision decide(EgressRequest request) {
        for (CompiledRule r : rules) {
            if (r.matches(request)) {
                return new PolicyDecision(r.effect, r.policyId, r.version, r.id, r.severity, r.reason);
            }
        }
        if (defaultDocument == null) {
            return PolicyDecision.NO_POLICY;
        }
        if (request.endpoint() != null && Glob.anyHost(allowedDestinations, request.endpoint().host())) {
            return new PolicyDecision(Effect.ALLOW, defaultDocument.getPolicyId(), defaultDocument.getVersion(),
                    "allowed-destinations", Severity.INFO, null);
        }
        Effect e = defaultDocument.getDefaultEffect();
        return new PolicyDecision(e, defaultDocument.getPolicyId(), defaultDocument.getVersion(), "default",
                e == Effect.ALLOW ? Severity.INFO : Severity.MEDIUM, "destination not in the allowed list");
    }

    /** Path globs the policies mark as sensitive. */
    public List<Glob> sensitivePaths() {
        return sensitivePaths;
    }

    /** A named threshold from the policies (first document by id that sets it). */
    public OptionalDouble threshold(String name) {
        Double v = thresholds.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Policy id → version of every document in force. */
    public Map<String, Long> versions() {
        return versions;
    }

    public boolean isEmpty() {
        return defaultDocument == null;
    }

    static int rank(Effect e) {
        return switch (e) {
            case DENY -> 3;
            case ASK -> 2;
            case WARN -> 1;
            case ALLOW -> 0;
        };
    }
}
