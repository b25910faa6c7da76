package io.agentdlp.alerts.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies OIDC access or ID tokens (JWS compact form, RS256, PS256 or ES256) against the identity
 * provider's JWKS: signature, {@code iss}, {@code aud}, {@code exp} and {@code nbf} (with clock skew).
 * The console role comes from a claim (e.g. {@code groups} or {@code roles}) through a configured
 * mapping; the highest mapped role wins and a token mapping to no role is refused.
 */
public final class JwtVerifier {
    private static final Logger log = LoggerFactory.getLogger(JwtVerifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OidcSettings settings;
    private final JwksKeys keys;
    private final Clock clock;

    public JwtVerifier(OidcSettings settings, JwksKeys keys, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
    }

    /** The principal of a valid token; empty for any invalid one (the reason is logged, never the token). */
    public Optional<Principal> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return reject("not a compact JWS");
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            header = JSON.readTree(d.decode(parts[0]));
            claims = JSON.readTree(d.decode(parts[1]));
            signature = d.decode(parts[2]);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return reject("undecodable token");
        }
        String alg = header.path("alg").asText("");
        String kid = header.path("kid").asText(null);
        Optional<PublicKey> key = keys.key(kid, alg);
        if (key.isEmpty()) {
            return reject("no key for kid/alg");
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!signatureValid(alg, key.get(), signed, signature)) {
            return reject("bad signature");
        }
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();
        if (!claims.path("exp").canConvertToLong() || Instant.ofEpochSecond(claims.path("exp").asLong()).plus(skew).isBefore(now)) {
            return reject("expired or no exp");
        }
        if (claims.has("nbf") && Instant.ofEpochSecond(claims.path("nbf").asLong()).minus(skew).isAfter(now)) {
            return reject("not yet valid");
        }
        if (!settings.issuer().equals(claims.path("iss").asText(null))) {
            return reject("wrong issuer");
        }
        if (!audienceMatches(claims.path("aud"))) {
            return reject("wrong audience");
        }
        String name = claims.path(settings.usernameClaim()).asText(null);
        if (name == null || name.isBlank()) {
            name = claims.path("sub").asText(null);
        }
        if (name == null || name.isBlank()) {
            return reject("no subject");
        }
        Role role = null;
        for (String value : claimValues(claims.path(settings.rolesClaim()))) {
            Role r = settings.roleMapping().get(value);
            if (r != null && (role == null || r.includes(role))) {
                role = r;
            }
        }
        if (role == null) {
            role = settings.defaultRole();
        }
        if (role == null) {
            return reject("no role mapped");
        }
        return Optional.of(new Principal(name, role, "bearer-jwt"));
    }

    private boolean audienceMatches(JsonNode aud) {
        if (settings.audience() == null) {
            return true;
        }
        return claimValues(aud).contains(settings.audience());
    }

    private static List<String> claimValues(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n.isTextual()) {
            for (String s : n.asText().split("[ ,]+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    static boolean signatureValid(String alg, PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature s = switch (alg) {
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                case "PS256" -> {
                    Signature ps = Signature.getInstance("RSASSA-PSS");
                    ps.setParameter(new PSSParameterSpec("SHA-256", "MGF1",
                            MGF1ParameterSpec.SHA256, 32, 1));
                    yield ps;
                }
                // JWS carries ECDSA signatures as raw R||S (IEEE P1363), not DER.
                case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
                default -> null;
            };
            if (s == null) {
                return false;
            }
            s.initVerify(key);
            s.update(signed);
            return s.verify(signature);
        } catch (GeneralSecurityException | ClassCastException e) {
            return false;
        }
    }

    private static Optional<Principal> reject(String reason) {
        log.info("event=bearer_token_rejected reason=\"{}\"", reason);
        return Optional.empty();
    }

    /**
     * OIDC settings.
     *
     * @param issuer        expected {@code iss}
     * @param audience      expected {@code aud} entry, or null to skip the check
     * @param usernameClaim claim naming the user (falls back to {@code sub})
     * @param rolesClaim    claim holding groups/roles
     * @param roleMapping   claim value → console role
     * @param defaultRole   role for valid tokens with no mapped value, or null to refuse them
     * @param clockSkew     tolerated clock difference
     */
    public record OidcSettings(String issuer, String audience, String usernameClaim, String rolesClaim,
                               Map<String, Role> roleMapping, Role defaultRole, Duration clockSkew) {
        public OidcSettings {
            roleMapping = Map.copyOf(roleMapping);
        }
    }
}
