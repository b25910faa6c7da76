package io.agentdlp.alerts.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console login sessions, in memory (a restart logs everyone out, which is acceptable for a SOC
 * console and keeps the service stateless on disk). The cookie carries 256 random bits; the store
 * keys sessions by the SHA-256 of that value, so a heap dump does not hand out live cookies. Each
 * session has its own CSRF token. Sessions end after an idle timeout and an absolute lifetime.
 */
public final class SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Duration idle;
    private final Duration maxAge;
    private final int maxSessions;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** One login session. */
    public static final class Session {
        private final Principal principal;
        private final String csrfToken;
        private final Instant created;
        private volatile Instant lastSeen;

        Session(Principal principal, String csrfToken, Instant created) {
            this.principal = principal;
            this.csrfToken = csrfToken;
            this.created = created;
            this.lastSeen = created;
        }

        public Principal principal() {
            return principal;
        }

        public String csrfToken() {
            return csrfToken;
        }
    }

    /** A new session and the cookie value that identifies it (shown only to the browser). */
    public record Created(String cookieValue, Session session) {
    }

    public SessionStore(Duration idle, Duration maxAge, int maxSessions, Clock clock) {
        this.idle = idle;
        this.maxAge = maxAge;
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    public Created create(Principal p) {
        Instant now = clock.instant();
        if (sessions.size() >= maxSessions) {
            expire(now);
            if (sessions.size() >= maxSessions) {
                sessions.entrySet().stream().min((a, b) -> a.getValue().lastSeen.compareTo(b.getValue().lastSeen))
                        .ifPresent(e -> sessions.remove(e.getKey()));
            }
        }
        String cookie = random();
        Session s = new Session(p, random(), now);
        sessions.put(key(cookie), s);
        return new Created(cookie, s);
    }

    /** The live session for a cookie value, refreshing its idle timer. */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return Optional.empty();
        }
        String k = key(cookieValue);
        Session s = sessions.get(k);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen.plus(idle)) || now.isAfter(s.created.plus(maxAge))) {
            sessions.remove(k);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    public void remove(String cookieValue) {
        if (cookieValue != null) {
            sessions.remove(key(cookieValue));
        }
    }

    public int size() {
        return sessions.size();
    }

    private void expire(Instant now) {
        sessions.entrySet().removeIf(e -> now.isAfter(e.getValue().lastSeen.plus(idle))
                || now.isAfter(e.getValue().created.plus(maxAge)));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String key(String cookieValue) {
        return HexFormat.of().formatHex(ApiTokens.sha256(cookieValue));
    }
}
