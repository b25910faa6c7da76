package io.agentdlp.alerts.auth;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing keys of the identity provider, from a JWKS document (RSA and P-256 EC keys) fetched from
 * the provider's {@code jwks_uri} or read from a file. Fetched keys are refreshed hourly and, at most
 * every 30 seconds, when a token names an unknown key id (key rotation).
 */
public final class JwksKeys {
    private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final Duration MIN_REFRESH = Duration.ofSeconds(30);

    private final URI uri;
    private final Path file;
    private final Clock clock;
    private final HttpClient http;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    private JwksKeys(URI uri, Path file, Clock clock) {
        this.uri = uri;
        this.file = file;
        this.clock = clock;
        this.http = uri == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Keys fetched from a JWKS URL. */
    public static JwksKeys fromUri(URI uri, Clock clock) {
        return new JwksKeys(uri, null, clock);
    }

    /** Keys read once from a JWKS file. */
    public static JwksKeys fromFile(Path file, Clock clock) {
        JwksKeys k = new JwksKeys(null, file, clock);
        try {
            k.keys = parse(JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new AuthConfigException("cannot read JWKS file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        return k;
    }

    /** Key for a token header's kid and alg, if known (refreshing once for an unknown kid). */
    public Optional<PublicKey> key(String kid, String alg) {
        Instant now = clock.instant();
        if (uri != null && (keys.isEmpty() || now.isAfter(fetchedAt.plus(MAX_AGE))
                || (!keys.containsKey(String.valueOf(kid)) && now.isAfter(fetchedAt.plus(MIN_REFRESH))))) {
            refresh(now);
        }
        PublicKey k = kid != null ? keys.get(kid) : keys.size() == 1 ? keys.values().iterator().next() : null;
        if (k == null) {
            return Optional.empty();
        }
        boolean rsa = k.getAlgorithm().equals("RSA");
        boolean fits = rsa ? alg.equals("RS256") || alg.equals("PS256") : alg.equals("ES256");
        return fits ? Optional.of(k) : Optional.empty();
    }

    private synchronized void refresh(Instant now) {
        if (now.isBefore(fetchedAt.plus(MIN_REFRESH)) && !keys.isEmpty()) {
            return;
        }
        fetchedAt = now;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                log.warn("event=jwks_fetch_failed status={}", r.statusCode());
                return;
            }
            keys = parse(JSON.readTree(r.body()));
            log.info("event=jwks_fetched keys={}", keys.size());
        } catch (IOException e) {
            log.warn("event=jwks_fetch_failed error={}", e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, PublicKey> parse(JsonNode jwks) {
        Map<String, PublicKey> m = new HashMap<>();
        int i = 0;
        for (JsonNode k : jwks.path("keys")) {
            String use = k.path("use").asText("sig");
            if (!use.equals("sig")) {
                continue;
            }
            String kid = k.path("kid").asText("key-" + i++);
            try {
                switch (k.path("kty").asText()) {
                    case "RSA" -> m.put(kid, KeyFactory.getInstance("RSA").generatePublic(
                            new RSAPublicKeySpec(big(k, "n"), big(k, "e"))));
                    case "EC" -> {
                        if (k.path("crv").asText().equals("P-256")) {
                            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
                            p.init(new ECGenParameterSpec("secp256r1"));
                            ECParameterSpec spec = p.getParameterSpec(ECParameterSpec.class);
                            m.put(kid, KeyFactory.getInstance("EC").generatePublic(
                                    new ECPublicKeySpec(new ECPoint(big(k, "x"), big(k, "y")), spec)));
                        }
                    }
                    default -> log.debug("event=jwks_key_skipped kty={}", k.path("kty").asText());
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                log.warn("event=jwks_key_invalid kid={} error={}", kid, e.getClass().getName());
            }
        }
        return Map.copyOf(m);
    }

    private static BigInteger big(JsonNode k, String field) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(k.path(field).asText()));
    }
}
