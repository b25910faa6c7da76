package io.agentdlp.ingest.policy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * Where the sensor's access policy comes from and how {@code ask} is answered where an agent has no
 * confirm decision.
 *
 * @param file         a local policy file (stand-alone sensors, tests), or null
 * @param gateway      the gateway base URL to fetch {@code /v1/policies/<id>} from, or null
 * @param gatewayToken the sensor's gateway bearer token (with {@code gateway})
 * @param ssl          TLS context for the gateway, or null for the JVM default
 * @param policyId     the policy document to enforce ({@code default})
 * @param pollInterval how often the gateway is asked for a new version
 * @param askFallback  what {@code ask} becomes where the agent cannot ask: {@code deny} or {@code warn}
 */
public record PolicySettings(Path file, URI gateway, String gatewayToken, SSLContext ssl, String policyId,
                             Duration pollInterval, AskFallback askFallback) {
    /** The answer used for {@code ask} where the agent has no confirm decision. */
    public enum AskFallback { DENY, WARN }

    public PolicySettings {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(askFallback, "askFallback");
        if (file != null && gateway != null) {
            throw new IllegalArgumentException("choose one policy source: a policy file or the gateway");
        }
        if (gateway != null && (gatewayToken == null || gatewayToken.isBlank())) {
            throw new IllegalArgumentException("fetching policies from the gateway needs the sensor's gateway token");
        }
    }

    /** No policy source: only a cached policy (if any) is enforced. */
    public static PolicySettings none() {
        return new PolicySettings(null, null, null, null, "default", Duration.ofSeconds(2), AskFallback.DENY);
    }

    public PolicySettings withFile(Path f) {
        return new PolicySettings(f, null, null, null, policyId, pollInterval, askFallback);
    }

    public PolicySettings withGateway(URI url, String token, SSLContext context, Duration interval) {
        return new PolicySettings(null, url, token, context, policyId, interval, askFallback);
    }

    public PolicySettings withAskFallback(AskFallback f) {
        return new PolicySettings(file, gateway, gatewayToken, ssl, policyId, pollInterval, f);
    }
}
