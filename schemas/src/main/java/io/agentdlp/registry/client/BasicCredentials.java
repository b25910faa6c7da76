package io.agentdlp.registry.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** HTTP basic credentials for the registry. {@link #toString()} never shows the password. */
public record BasicCredentials(String user, String password) {
    public BasicCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Parses Confluent's {@code user:password} form; the password may contain ':'. */
    public static BasicCredentials parse(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0
                ? new BasicCredentials(userInfo, "")
                : new BasicCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** The value of the {@code Authorization} header. */
    public String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=***]";
    }
}
