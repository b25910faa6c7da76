package io.agentdlp.alerts.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.AlertsService;
import io.agentdlp.alerts.Eventually;
import io.agentdlp.alerts.TestAlerts;
import io.agentdlp.alerts.auth.ApiTokens;
import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.config.Settings;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.avro.User;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's HTTP API and its protections, over a real server, broker and registry: security
 * headers, authentication (password, API token, OIDC JWT), roles, CSRF and origin checks, login
 * throttling, redaction of credentials typed into comments, the audit topic, and the view rebuilt
 * from Kafka after a restart.
 */
@ExtendWith(KafkaStack.class)
class ConsoleApiIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ISSUER = "https://idp.example.com/realms/soc";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Map<String, String> topics;
    private static Map<String, String> settings;
    private static AlertsService service;
    private static KeyPair idpKey;
    private static String apiToken;

    @BeforeAll
    static void start() throws Exception {
        KafkaStack stack = KafkaStack.get();
        topics = stack.topics();
        Path dir = Files.createTempDirectory("agentdlp-console-api");
        idpKey = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) idpKey.getPublic();
        Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"n\":\""
                + b64(unsigned(pub.getModulus())) + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}");
        apiToken = ApiTokens.generate();
        Files.writeString(dir.resolve("tokens"), ApiTokens.line("soar", Role.TRIAGER, apiToken) + "\n");

        settings = stack.baseSettings(topics);
        settings.put("alerts.auth.users-file", TestUsers.create().toString());
        settings.put("alerts.auth.api-tokens-file", dir.resolve("tokens").toString());
        settings.put("alerts.auth.oidc.issuer", ISSUER);
        settings.put("alerts.auth.oidc.audience", "agentdlp-console");
        settings.put("alerts.auth.oidc.jwks-file", dir.resolve("jwks.json").toString());
        settings.put("alerts.auth.oidc.role.soc-analysts", "triager");
        settings.put("alerts.auth.oidc.role.soc-admins", "admin");
        service = AlertsService.start(new Settings(settings), Clock.systemUTC(), System.out);
        try (KafkaStack.AlertProducer p = stack.alertProducer(topics)) {
            p.send(TestAlerts.secret("api-1", Severity.CRITICAL, "Key sent to pastebin", Instant.now(), "sess-api"));
        }
        Eventually.await("the alert reaches the view", WAIT, () -> service.store().get("api-1").isPresent());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/api/alerts", "/assets/app.js", "/nope")) {
            HttpResponse<String> r = send(get(path).build());
            var h = r.headers();
            assertThat(h.firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(h.firstValue("X-Frame-Options")).contains("DENY");
            assertThat(h.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(h.firstValue("Cache-Control")).contains("no-store");
            assertThat(h.firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
        }
        assertThat(send(get("/api/alerts").build()).statusCode()).isEqualTo(401);
        assertThat(send(get("/../../etc/passwd").build()).statusCode()).isEqualTo(404);
        assertThat(send(get("/readyz").build()).statusCode()).isEqualTo(200);
        assertThat(send(get("/metrics").build()).body()).contains("agentdlp_alerts_received_total")
                .doesNotContain(TestAlerts.RAW_SECRET);
    }

    @Test
    void sessionCookieIsHardenedAndStateChangesNeedTheCsrfToken() throws Exception {
        Login triager = login("triager");
        assertThat(triager.setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");

        HttpResponse<String> noToken = send(post("/api/alerts/api-1/triage", "{\"action\":\"acknowledge\"}")
                .header("Cookie", triager.cookie).build());
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongToken = send(post("/api/alerts/api-1/triage", "{\"action\":\"acknowledge\"}")
                .header("Cookie", triager.cookie).header("X-CSRF-Token", "forged").build());
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<String> crossOrigin = send(post("/api/alerts/api-1/triage", "{\"action\":\"acknowledge\"}")
                .header("Cookie", triager.cookie).header("X-CSRF-Token", triager.csrf)
                .header("Origin", "https://evil.example").build());
        assertThat(crossOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> formPost = send(HttpRequest.newBuilder(uri("/api/alerts/api-1/triage"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", triager.cookie)
                .header("X-CSRF-Token", triager.csrf).POST(HttpRequest.BodyPublishers.ofString("action=acknowledge")).build());
        assertThat(formPost.statusCode()).isEqualTo(415);
        assertThat(service.store().triage("api-1").version()).as("no refused request changed anything").isZero();

        HttpResponse<String> ok = send(post("/api/alerts/api-1/triage", "{\"action\":\"assign\",\"assignee\":\"dana\"}")
                .header("Cookie", triager.cookie).header("X-CSRF-Token", triager.csrf).build());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).path("triage").path("assignee").asText()).isEqualTo("dana");

        HttpResponse<String> out = send(post("/api/logout", "{}").header("Cookie", triager.cookie)
                .header("X-CSRF-Token", triager.csrf).build());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(send(get("/api/session").header("Cookie", triager.cookie).build()).statusCode()).isEqualTo(401);
    }

    @Test
    void rolesLimitWhatEachUserMayDo() throws Exception {
        Login viewer = login("viewer");
        assertThat(send(get("/api/alerts/api-1").header("Cookie", viewer.cookie).build()).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = send(post("/api/alerts/api-1/triage", "{\"action\":\"resolve\"}")
                .header("Cookie", viewer.cookie).header("X-CSRF-Token", viewer.csrf).build());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(send(get("/api/admin/sinks").header("Cookie", viewer.cookie).build()).statusCode()).isEqualTo(403);

        Login admin = login("admin");
        HttpResponse<String> audit = send(get("/api/admin/audit").header("Cookie", admin.cookie).build());
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"action\":\"access.denied\"").contains("\"actor\":\"viewer\"");
    }

    @Test
    void wrongPasswordsAreRefusedThenThrottled() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send(post("/api/login", "{\"username\":\"mallory\",\"password\":\"guess-" + i + "\"}").build())
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = send(post("/api/login", "{\"username\":\"mallory\",\"password\":\"guess-x\"}").build());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(login("viewer").csrf()).as("other users from the same address still sign in").isNotBlank();
    }

    @Test
    void apiTokensAndOidcBearerTokensAuthenticateWithoutCookies() throws Exception {
        HttpResponse<String> withToken = send(post("/api/alerts/api-1/triage", "{\"action\":\"comment\",\"text\":\"seen by SOAR\"}")
                .header("Authorization", "Bearer " + apiToken).build());
        assertThat(withToken.statusCode()).as("bearer requests need no CSRF token").isEqualTo(200);
        assertThat(send(get("/api/alerts").header("Authorization", "Bearer " + ApiTokens.generate()).build())
                .statusCode()).isEqualTo(401);

        long now = Instant.now().getEpochSecond();
        String good = jwt(ISSUER, "agentdlp-console", "alice", List.of("staff", "soc-admins"), now + 300);
        HttpResponse<String> session = send(get("/api/session").header("Authorization", "Bearer " + good).build());
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(json(session).path("user").asText()).isEqualTo("alice");
        assertThat(json(session).path("role").asText()).isEqualTo("admin");
        assertThat(json(session).path("method").asText()).isEqualTo("bearer-jwt");

        List<String> bad = List.of(
                jwt(ISSUER, "agentdlp-console", "alice", List.of("soc-admins"), now - 3600),
                jwt("https://other-idp", "agentdlp-console", "alice", List.of("soc-admins"), now + 300),
                jwt(ISSUER, "another-app", "alice", List.of("soc-admins"), now + 300),
                jwt(ISSUER, "agentdlp-console", "alice", List.of("staff"), now + 300),
                tamper(good));
        for (String token : bad) {
            assertThat(send(get("/api/session").header("Authorization", "Bearer " + token).build()).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void credentialsTypedIntoCommentsAreStoredRedacted() throws Exception {
        Login triager = login("triager");
        String leaked = "AKIAQ3EGRT7XKZPL5V2N";
        HttpResponse<String> r = send(post("/api/alerts/api-1/triage",
                "{\"action\":\"comment\",\"text\":\"user pasted aws_access_key_id=" + leaked + " in chat\"}")
                .header("Cookie", triager.cookie).header("X-CSRF-Token", triager.csrf).build());
        assertThat(r.statusCode()).isEqualTo(200);
        HttpResponse<String> detail = send(get("/api/alerts/api-1").header("Cookie", triager.cookie).build());
        JsonNode comments = json(detail).path("triage").path("comments");
        assertThat(comments.toString()).contains("user pasted").doesNotContain(leaked);

        String statusTopic = new TopicNames(topics).name(Topics.ALERT_STATUS);
        List<ConsumerRecord<byte[], byte[]>> records = readAll(statusTopic, 1);
        for (ConsumerRecord<byte[], byte[]> rec : records) {
            assertThat(new String(rec.value(), StandardCharsets.ISO_8859_1)).doesNotContain(leaked);
        }
    }

    @Test
    void theSessionTimelineListsEveryEventInOrderWithItsAlertsPlacedOnIt() throws Exception {
        Instant t = Instant.now().minusSeconds(60);
        KafkaStack stack = KafkaStack.get();
        // sent out of event-time order: the timeline orders by event time
        stack.sendEvent(topics, AgentEgressEvent.newBuilder()
                .setEventId("ev-2").setEventTime(t.plusSeconds(20)).setIngestTime(t.plusSeconds(20))
                .setSource(EventSource.claude_hook).setDevice(Device.newBuilder().setId("dev-7").build())
                .setUser(User.newBuilder().build()).setAgent(Agent.newBuilder().setName("claude-code").build())
                .setSessionId("sess-tl").setKind(EventKind.network_request)
                .setTool(Tool.newBuilder().setName("WebFetch").setCategory(ToolCategory.web).build())
                .setDestination(Destination.newBuilder().setHost("pastebin.com").build())
                .setContent(Content.newBuilder().setBytes(64).setText("k=" + TestAlerts.RAW_SECRET).build()).build());
        stack.sendEvent(topics, AgentEgressEvent.newBuilder()
                .setEventId("ev-tl-read").setEventTime(t).setIngestTime(t).setSource(EventSource.claude_hook)
                .setDevice(Device.newBuilder().setId("dev-7").build()).setUser(User.newBuilder().build())
                .setAgent(Agent.newBuilder().setName("claude-code").build()).setSessionId("sess-tl")
                .setKind(EventKind.file_read).setFilePath("/srv/app/.env")
                .setContent(Content.newBuilder().setBytes(120).build()).build());
        try (KafkaStack.AlertProducer p = stack.alertProducer(topics)) {
            p.send(DlpAlert.newBuilder(TestAlerts.secret("tl-1", Severity.HIGH, "Key fetched to pastebin", t.plusSeconds(20),
                    "sess-tl")).setEventIds(List.of("ev-2")).build());
            p.send(DlpAlert.newBuilder(TestAlerts.volume("tl-volume", t.plusSeconds(30))).setSessionId("sess-tl")
                    .setEventIds(List.of()).build());
        }
        Login viewer = login("viewer");
        Eventually.await("both events and both alerts reach the session timeline", WAIT, () -> {
            try {
                JsonNode tl = json(send(get("/api/sessions/sess-tl/timeline").header("Cookie", viewer.cookie).build()));
                return tl.path("events").size() == 2 && tl.path("alerts_total").asInt() == 2;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        HttpResponse<String> r = send(get("/api/sessions/sess-tl/timeline").header("Cookie", viewer.cookie).build());
        JsonNode tl = json(r);
        assertThat(tl.path("events").findValuesAsText("event_id")).containsExactly("ev-tl-read", "ev-2");
        JsonNode fetch = tl.path("events").get(1);
        assertThat(fetch.path("kind").asText()).isEqualTo("network_request");
        assertThat(fetch.path("tool").asText()).isEqualTo("WebFetch");
        assertThat(fetch.path("destination").asText()).isEqualTo("pastebin.com");
        assertThat(fetch.path("bytes").asLong()).isEqualTo(64);
        assertThat(fetch.path("alerts").findValuesAsText("alert_id")).containsExactly("tl-1");
        assertThat(fetch.path("alerts").get(0).path("status").asText()).isEqualTo("OPEN");
        assertThat(tl.path("events").get(0).path("alerts").size()).isZero();
        assertThat(tl.path("unplaced_alerts").findValuesAsText("alert_id")).containsExactly("tl-volume");
        assertThat(r.body()).as("event content is never kept").doesNotContain(TestAlerts.RAW_SECRET);
        assertThat(send(get("/api/sessions/no-such-session/timeline").header("Cookie", viewer.cookie).build()).statusCode())
                .isEqualTo(404);
        assertThat(send(get("/api/sessions/sess-tl/timeline").build()).statusCode()).isEqualTo(401);
    }

    @Test
    void theDetailShowsTheSessionTimelineOfEventsAndAlerts() throws Exception {
        Instant t = Instant.now().minusSeconds(5);
        KafkaStack.get().sendEvent(topics, AgentEgressEvent.newBuilder()
                .setEventId("ev-1").setEventTime(t).setIngestTime(t).setSource(EventSource.claude_hook)
                .setDevice(Device.newBuilder().setId("dev-7").build()).setUser(User.newBuilder().build())
                .setAgent(Agent.newBuilder().setName("claude-code").build()).setSessionId("sess-api")
                .setKind(EventKind.file_read).setFilePath("/home/dana/payments/.env")
                .setContent(Content.newBuilder().setBytes(120).setText("AWS_SECRET=" + TestAlerts.RAW_SECRET).build())
                .build());
        Login viewer = login("viewer");
        Eventually.await("the event reaches the timeline", WAIT, () -> {
            try {
                return json(send(get("/api/alerts/api-1").header("Cookie", viewer.cookie).build()))
                        .path("timeline").toString().contains("ev-1");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        HttpResponse<String> detail = send(get("/api/alerts/api-1").header("Cookie", viewer.cookie).build());
        JsonNode timeline = json(detail).path("timeline");
        JsonNode event = null;
        for (JsonNode item : timeline) {
            if (item.path("type").asText().equals("event")) {
                event = item;
            }
        }
        assertThat(event).as("an event entry").isNotNull();
        assertThat(event.path("file_path").asText()).isEqualTo("/home/dana/payments/.env");
        assertThat(event.path("alerts").toString()).contains("api-1");
        assertThat(timeline.toString()).contains("\"type\":\"alert\"").contains("Key sent to pastebin");
        assertThat(detail.body()).as("event content is never kept").doesNotContain(TestAlerts.RAW_SECRET);
    }

    @Test
    void triageIsAuditedAndSurvivesARestart() throws Exception {
        Login triager = login("triager");
        try (KafkaStack.AlertProducer p = KafkaStack.get().alertProducer(topics)) {
            p.send(TestAlerts.secret("restart-1", Severity.HIGH, "survives restarts", Instant.now(), "sess-r"));
        }
        Eventually.await("alert in view", WAIT, () -> service.store().get("restart-1").isPresent());
        String until = Instant.now().plus(Duration.ofDays(2)).toString();
        HttpResponse<String> r = send(post("/api/alerts/restart-1/triage",
                "{\"action\":\"suppress\",\"until\":\"" + until + "\",\"reason\":\"test key of the demo repo\"}")
                .header("Cookie", triager.cookie).header("X-CSRF-Token", triager.csrf).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("SUPPRESSED");

        try (AlertsService second = AlertsService.start(new Settings(withPort0(settings)), Clock.systemUTC(), System.out)) {
            Eventually.await("the second console catches up", WAIT, second::ready);
            var view = second.store().get("restart-1").orElseThrow();
            assertThat(view.triage().suppressReason()).isEqualTo("test key of the demo repo");
            assertThat(view.effectiveStatus(Instant.now()).name()).isEqualTo("SUPPRESSED");
        }

        List<ConsumerRecord<byte[], byte[]>> audit = readAll(new TopicNames(topics).name(Topics.AUDIT), 3);
        String all = audit.stream().map(x -> new String(x.value(), StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        assertThat(all).contains("triage.suppress").contains("login").doesNotContain(TestUsers.PASSWORD);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private record Login(String cookie, String setCookie, String csrf) {
    }

    private static Login login(String user) throws Exception {
        HttpResponse<String> r = send(post("/api/login", "{\"username\":\"" + user + "\",\"password\":\""
                + TestUsers.PASSWORD + "\"}").build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new Login(setCookie.substring(0, setCookie.indexOf(';')), setCookie, json(r).path("csrf_token").asText());
    }

    private static Map<String, String> withPort0(Map<String, String> s) {
        var m = new java.util.HashMap<>(s);
        m.put("alerts.http.port", "0");
        return m;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast) {
        return KafkaStack.get().readAll(topic, atLeast, WAIT);
    }

    private static String jwt(String iss, String aud, String user, List<String> groups, long exp) throws Exception {
        ObjectNode h = AlertJson.MAPPER.createObjectNode().put("alg", "RS256").put("kid", "k1").put("typ", "JWT");
        ObjectNode c = AlertJson.MAPPER.createObjectNode().put("iss", iss).put("aud", aud).put("sub", "id-" + user)
                .put("preferred_username", user).put("exp", exp).put("iat", exp - 600);
        groups.forEach(c.putArray("groups")::add);
        String signed = b64(AlertJson.MAPPER.writeValueAsBytes(h)) + "." + b64(AlertJson.MAPPER.writeValueAsBytes(c));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(idpKey.getPrivate());
        s.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64(s.sign());
    }

    private static String tamper(String jwt) throws Exception {
        String[] p = jwt.split("\\.");
        ObjectNode c = (ObjectNode) AlertJson.MAPPER.readTree(Base64.getUrlDecoder().decode(p[1]));
        c.put("preferred_username", "mallory");
        return p[0] + "." + b64(AlertJson.MAPPER.writeValueAsBytes(c)) + "." + p[2];
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static URI uri(String path) {
        return URI.create(service.url() + path);
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return AlertJson.MAPPER.readTree(r.body());
    }
}
