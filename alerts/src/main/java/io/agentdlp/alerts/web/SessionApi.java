package io.agentdlp.alerts.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.audit.AuditTrail;
import io.agentdlp.alerts.auth.Authenticator;
import io.agentdlp.alerts.auth.LoginThrottle;
import io.agentdlp.alerts.auth.Principal;
import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.auth.SessionStore;
import io.agentdlp.alerts.auth.UserStore;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.metrics.AlertsMetrics;
import io.agentdlp.avro.AuditOutcome;

/**
 * Login, logout and "who am I". A login always starts a fresh session (no fixation); the cookie is
 * HttpOnly, SameSite=Strict and Secure over TLS; the response carries the session's CSRF token, which
 * the console sends back in {@code X-CSRF-Token} on every state change.
 */
final class SessionApi {
    private static final int MAX_NAME = 128;
    private static final int MAX_PASSWORD = 1024;
    private final UserStore users;
    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final AlertsMetrics metrics;
    private final boolean secureCookie;
    private final Duration cookieMaxAge;
    private final Map<String, Object> consoleInfo;

    /**
     * @param users        password users, or null when only bearer tokens are accepted
     * @param consoleInfo  extra fields for the session answer (version, whether code links are configured)
     */
    SessionApi(UserStore users, Authenticator authenticator, LoginThrottle throttle, AuditTrail audit,
               AlertsMetrics metrics, boolean secureCookie, Duration cookieMaxAge, Map<String, Object> consoleInfo) {
        this.users = users;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.audit = audit;
        this.metrics = metrics;
        this.secureCookie = secureCookie;
        this.cookieMaxAge = cookieMaxAge;
        this.consoleInfo = Map.copyOf(consoleInfo);
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/api/login", null, true, this::login),
                new Route("POST", "/api/logout", Role.VIEWER, true, this::logout),
                new Route("GET", "/api/session", Role.VIEWER, false, this::session));
    }

    private void login(WebRequest r) throws IOException {
        JsonNode body = r.json();
        String name = body.path("username").asText("");
        String password = body.path("password").asText("");
        String remote = r.remote();
        if (users == null) {
            throw new HttpError(404, "password login is disabled; use your identity provider's token");
        }
        if (name.isEmpty() || name.length() > MAX_NAME || password.isEmpty() || password.length() > MAX_PASSWORD) {
            throw new HttpError(400, "username and password are required");
        }
        Duration wait = throttle.wait(name, remote);
        if (!wait.isZero()) {
            metrics.login("throttled");
            audit.record(name, null, "password", "login.throttled", null, AuditOutcome.DENIED, remote, Map.of());
            r.exchange().getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            throw new HttpError(429, "too many failed logins; try again later");
        }
        Optional<Principal> p = users.authenticate(name, password.toCharArray());
        if (p.isEmpty()) {
            throttle.failed(name, remote);
            metrics.login("failed");
            audit.record(name, null, "password", "login.failed", null, AuditOutcome.DENIED, remote, Map.of());
            throw new HttpError(401, "wrong user name or password");
        }
        throttle.succeeded(name);
        // A new session on every login: a cookie planted before login is never promoted.
        authenticator.sessions().remove(authenticator.cookie(r.header("Cookie")));
        SessionStore.Created created = authenticator.sessions().create(p.get());
        r.exchange().getResponseHeaders().add("Set-Cookie", cookie(created.cookieValue(), cookieMaxAge.toSeconds()));
        metrics.login("success");
        audit.record(p.get(), "login", null, AuditOutcome.SUCCESS, remote, Map.of());
        Responses.json(r.exchange(), 200, who(p.get(), created.session().csrfToken()));
    }

    private void logout(WebRequest r) throws IOException {
        authenticator.sessions().remove(authenticator.cookie(r.header("Cookie")));
        r.exchange().getResponseHeaders().add("Set-Cookie", cookie("", 0));
        audit.record(r.principal(), "logout", null, AuditOutcome.SUCCESS, r.remote(), Map.of());
        Responses.noContent(r.exchange());
    }

    private void session(WebRequest r) throws IOException {
        var auth = r.authentication();
        Responses.json(r.exchange(), 200, who(auth.principal(), auth.byCookie() ? auth.session().csrfToken() : null));
    }

    private ObjectNode who(Principal p, String csrf) {
        ObjectNode o = AlertJson.MAPPER.createObjectNode();
        o.put("user", p.name());
        o.put("role", p.role().id());
        o.put("method", p.method());
        o.put("csrf_token", csrf);
        o.put("can_triage", p.role().includes(Role.TRIAGER));
        o.put("is_admin", p.role().includes(Role.ADMIN));
        consoleInfo.forEach((k, v) -> o.set(k, AlertJson.MAPPER.valueToTree(v)));
        return o;
    }

    private String cookie(String value, long maxAgeSeconds) {
        return authenticator.cookieName() + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds
                + (secureCookie ? "; Secure" : "");
    }
}
