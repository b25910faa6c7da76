package io.agentdlp.topology;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.Effect;
import io.agentdlp.avro.Policy;
import io.agentdlp.avro.PolicyRule;

/** Policy documents for tests. */
public final class Policies {
    private Policies() {
    }

    /** Default DENY; only the given hosts are allowed. */
    public static Policy allowOnly(long version, String... hosts) {
        return Policy.newBuilder().setPolicyId("default").setVersion(version).setUpdatedAt(Instant.EPOCH)
                .setDefaultEffect(Effect.DENY).setAllowedDestinations(List.of(hosts)).setRules(List.<PolicyRule>of())
                .setSensitivePaths(List.of()).setThresholds(Map.of()).build();
    }

    public static Policy withThresholds(Policy p, Map<String, Double> thresholds) {
        return Policy.newBuilder(p).setThresholds(thresholds).build();
    }
}
