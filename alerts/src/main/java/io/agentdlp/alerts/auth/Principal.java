package io.agentdlp.alerts.auth;

import java.util.Objects;

/**
 * An authenticated console user.
 *
 * @param name   user name (from the user store, the token's subject or an API token's name)
 * @param role   role
 * @param method how they authenticated: {@code password}, {@code bearer-jwt} or {@code api-token}
 */
public record Principal(String name, Role role, String method) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
    }
}
