package io.agentdlp.alerts.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.agentdlp.alerts.auth.Role;

/**
 * One console endpoint.
 *
 * @param method        HTTP method
 * @param pattern       path with {@code {name}} segments, e.g. {@code /api/alerts/{id}}
 * @param role          least role allowed, or null for a public endpoint
 * @param stateChanging true for endpoints that change state (CSRF and origin checks apply)
 * @param handler       the handler
 */
record Route(String method, String pattern, Role role, boolean stateChanging, Handler handler) {

    /** Handles a matched request. */
    @FunctionalInterface
    interface Handler {
        void handle(WebRequest r) throws IOException;
    }

    /** Path parameters if {@code path} matches the pattern, else null. */
    Map<String, String> match(String path) {
        String[] p = pattern.split("/", -1);
        String[] a = path.split("/", -1);
        if (p.length != a.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i].startsWith("{") && p[i].endsWith("}")) {
                if (a[i].isEmpty()) {
                    return null;
                }
                params.put(p[i].substring(1, p[i].length() - 1), a[i]);
            } else if (!p[i].equals(a[i])) {
                return null;
            }
        }
        return params;
    }
}
