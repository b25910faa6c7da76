package io.agentdlp.alerts.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ES256 tokens (raw R||S signatures) against a JWKS file; RS256 is covered by ConsoleApiIT. */
class JwtVerifierTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void es256TokensFromTheProviderAreAcceptedAndMappedToRoles() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) kp.getPublic();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"ec1\",\"x\":\""
                + b64(fixed(pub.getW().getAffineX())) + "\",\"y\":\"" + b64(fixed(pub.getW().getAffineY())) + "\"}]}");
        JwtVerifier v = new JwtVerifier(new JwtVerifier.OidcSettings("https://idp", null, "email", "roles",
                Map.of("dlp-triage", Role.TRIAGER), Role.VIEWER, Duration.ofSeconds(30)), JwksKeys.fromFile(jwks, clock), clock);

        String claims = "{\"iss\":\"https://idp\",\"sub\":\"42\",\"email\":\"ana@example.com\",\"roles\":\"staff dlp-triage\","
                + "\"exp\":" + (NOW.getEpochSecond() + 60) + "}";
        assertThat(v.verify(sign(kp, "ES256", "ec1", claims)))
                .hasValue(new Principal("ana@example.com", Role.TRIAGER, "bearer-jwt"));

        String noRole = claims.replace("staff dlp-triage", "staff");
        assertThat(v.verify(sign(kp, "ES256", "ec1", noRole)).orElseThrow().role()).as("default role").isEqualTo(Role.VIEWER);

        String expiredWithinSkew = claims.replace(Long.toString(NOW.getEpochSecond() + 60), Long.toString(NOW.getEpochSecond() - 20));
        assertThat(v.verify(sign(kp, "ES256", "ec1", expiredWithinSkew))).isPresent();
        String expired = claims.replace(Long.toString(NOW.getEpochSecond() + 60), Long.toString(NOW.getEpochSecond() - 40));
        assertThat(v.verify(sign(kp, "ES256", "ec1", expired))).isEmpty();

        String notYet = claims.replace("\"sub\"", "\"nbf\":" + (NOW.getEpochSecond() + 120) + ",\"sub\"");
        assertThat(v.verify(sign(kp, "ES256", "ec1", notYet))).isEmpty();

        assertThat(v.verify(sign(kp, "ES256", "other-kid", claims))).isEmpty();
        String none = b64("{\"alg\":\"none\",\"kid\":\"ec1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        assertThat(v.verify(none)).as("alg none is never accepted").isEmpty();
        assertThat(v.verify("not.a.jwt.at.all")).isEmpty();
        assertThat(v.verify("%%%.%%%.%%%")).isEmpty();
    }

    private static String sign(KeyPair kp, String alg, String kid, String claims) throws Exception {
        String input = b64(("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(kp.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    private static byte[] fixed(BigInteger n) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(32, b.length);
        System.arraycopy(b, b.length - len, out, 32 - len, len);
        return out;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
