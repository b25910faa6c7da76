package io.agentdlp.registry.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front of the registry: basic auth, request size limit, media types, routing, Confluent
 * error bodies, and one structured log line per request (method, path template, status, duration;
 * never bodies).
 */
final class RegistryHttpHandler implements HttpHandler {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger log = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final Set<String> ACCEPTED_MEDIA_TYPES = Set.of(CONTENT_TYPE, "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");
    private static final String REALM = "Basic realm=\"SchemaRegistry\"";

    private final List<Route> routes;
    private final BasicAuthUsers users;
    private final long maxRequestBytes;

    /** @param users null disables authentication */
    RegistryHttpHandler(List<Route> routes, BasicAuthUsers users, long maxRequestBytes) {
        this.routes = List.copyOf(routes);
        this.users = users;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long t0 = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String template = "unmatched";
        ApiResponse response;
        try {
            List<String> path = PathSegments.split(exchange.getRequestURI().getRawPath());
            Optional<Route> matched = route(method, path);
            template = matched.map(r -> r.template().toString()).orElse(template);
            authenticate(exchange);
            Route route = matched.orElseThrow(() -> pathExists(path) ? RegistryError.methodNotAllowed() : RegistryError.notFound());
            byte[] body = readBody(exchange);
            requireAcceptedMediaType(exchange, body);
            Map<String, String> params = route.template().match(path).orElseThrow();
            response = route.handler().handle(new ApiRequest(params, PathSegments.query(exchange.getRequestURI().getRawQuery()), body));
        } catch (RegistryError e) {
            response = ApiResponse.error(e);
            if (e.httpStatus() >= 500) {
                log.warn("event=registry_request_failed method={} path={} errorCode={} error={} cause={}", method, template,
                        e.errorCode(), e.getMessage(), e.getCause() == null ? "-" : e.getCause().toString());
            }
        } catch (RuntimeException e) {
            response = ApiResponse.error(RegistryError.internal());
            log.error("event=registry_request_failed method={} path={} error={}", method, template, e.getClass().getName(), e);
        }
        send(exchange, response);
        log.info("event=registry_request method={} path={} status={} ms={}", method, template, response.status(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void authenticate(HttpExchange exchange) {
        if (users == null) {
            return;
        }
        Optional<String> user = users.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (user.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", REALM);
            throw RegistryError.unauthorized();
        }
    }

    private Optional<Route> route(String method, List<String> path) {
        return routes.stream().filter(r -> r.method().equals(method) && r.template().match(path).isPresent()).findFirst();
    }

    private boolean pathExists(List<String> path) {
        return routes.stream().anyMatch(r -> r.template().match(path).isPresent());
    }

    private byte[] readBody(HttpExchange exchange) throws RegistryError {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxRequestBytes) {
                    throw RegistryError.requestTooLarge(maxRequestBytes);
                }
            } catch (NumberFormatException e) {
                throw RegistryError.badRequest("Malformed Content-Length");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
            if (body.length > maxRequestBytes) {
                throw RegistryError.requestTooLarge(maxRequestBytes);
            }
            return body;
        } catch (IOException e) {
            throw RegistryError.badRequest("Cannot read the request body");
        }
    }

    private static void requireAcceptedMediaType(HttpExchange exchange, byte[] body) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length == 0 || contentType == null) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!ACCEPTED_MEDIA_TYPES.contains(mediaType)) {
            throw RegistryError.unsupportedMediaType();
        }
    }

    private static void send(HttpExchange exchange, ApiResponse response) {
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status(), response.body().length);
            out.write(response.body());
        } catch (IOException e) {
            log.debug("event=registry_response_not_sent status={} error={}", response.status(), e.toString());
        }
    }
}
