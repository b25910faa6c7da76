package io.agentdlp.alerts.auth;

import java.util.Optional;

/**
 * Resolves who is calling: a bearer token ({@code Authorization: Bearer ...}: a JWT from the
 * configured OIDC provider or a static API token) or the console session cookie. A request carrying a
 * bearer token is judged on it alone, so a bad token is not rescued by a cookie.
 */
public final class Authenticator {
    /** Name of the session cookie ({@code __Host-} prefix when served over TLS). */
    private final String cookieName;
    private final SessionStore sessions;
    private final ApiTokens apiTokens;
    private final JwtVerifier jwt;

    /** @param jwt OIDC verifier, or null when OIDC is not configured */
    public Authenticator(String cookieName, SessionStore sessions, ApiTokens apiTokens, JwtVerifier jwt) {
        this.cookieName = cookieName;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.jwt = jwt;
    }

    /**
     * Result of authentication.
     *
     * @param principal the caller
     * @param session   the console session when authenticated by cookie (CSRF applies), else null
     */
    public record Authentication(Principal principal, SessionStore.Session session) {
        public boolean byCookie() {
            return session != null;
        }
    }

    /**
     * @param authorization value of the Authorization header, or null
     * @param cookieHeader  value of the Cookie header, or null
     */
    public Optional<Authentication> authenticate(String authorization, String cookieHeader) {
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.empty();
            }
            String token = authorization.substring(7).trim();
            Optional<Principal> p = token.startsWith(ApiTokens.PREFIX) ? apiTokens.authenticate(token)
                    : jwt != null ? jwt.verify(token) : Optional.empty();
            return p.map(x -> new Authentication(x, null));
        }
        return sessions.find(cookie(cookieHeader)).map(s -> new Authentication(s.principal(), s));
    }

    /** The session cookie's value in a Cookie header, or null. */
    public String cookie(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(cookieName)) {
                return p.substring(eq + 1);
            }
        }
        return null;
    }

    public String cookieName() {
        return cookieName;
    }

    public SessionStore sessions() {
        return sessions;
    }
}
