package io.agentdlp.alerts.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.agentdlp.alerts.auth.Authenticator;
import io.agentdlp.alerts.auth.Principal;
import io.agentdlp.alerts.feed.AlertJson;

/** One console request: the exchange plus parsed query, path parameters and the caller. */
public final class WebRequest {
    static final int MAX_BODY = 64 * 1024;
    private final HttpExchange exchange;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final Authenticator.Authentication auth;

    WebRequest(HttpExchange exchange, Map<String, String> pathParams, Authenticator.Authentication auth) {
        this.exchange = exchange;
        this.pathParams = pathParams;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
        this.auth = auth;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public String path(String name) {
        return pathParams.get(name);
    }

    public Map<String, List<String>> query() {
        return query;
    }

    /** The caller; null only on public routes. */
    public Principal principal() {
        return auth == null ? null : auth.principal();
    }

    public Authenticator.Authentication authentication() {
        return auth;
    }

    /** Client address (the socket peer; a proxy's forwarded header is not trusted). */
    public String remote() {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The body as a JSON object, at most 64 KiB. */
    public JsonNode json() {
        String ct = header("Content-Type");
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "expected Content-Type application/json");
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new HttpError(413, "request body larger than " + MAX_BODY + " bytes");
            }
            JsonNode n = AlertJson.MAPPER.readTree(b);
            if (n == null || !n.isObject()) {
                throw new HttpError(400, "expected a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new HttpError(400, "malformed JSON body");
        }
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return m;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "malformed query string");
        }
    }
}
