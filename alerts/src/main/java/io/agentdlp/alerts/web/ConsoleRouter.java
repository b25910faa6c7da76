package io.agentdlp.alerts.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentdlp.alerts.audit.AuditTrail;
import io.agentdlp.alerts.auth.Authenticator;
import io.agentdlp.alerts.metrics.AlertsMetrics;
import io.agentdlp.alerts.triage.TriageException;
import io.agentdlp.alerts.triage.TriageService;
import io.agentdlp.alerts.triage.TriageStorageException;
import io.agentdlp.avro.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches every console request: security headers, route lookup, authentication, role check,
 * CSRF/origin checks on state changes, and mapping of errors to status codes (500s say nothing about
 * internals; the log gets the exception class).
 */
final class ConsoleRouter implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(ConsoleRouter.class);
    static final String CSRF_HEADER = "X-CSRF-Token";
    private final List<Route> routes;
    private final Authenticator authenticator;
    private final AuditTrail audit;
    private final AlertsMetrics metrics;
    private final boolean tls;
    private final boolean hsts;
    private final String publicOrigin;

    /**
     * @param publicOrigin origin browsers use when the console sits behind a TLS-terminating proxy
     *                     (e.g. {@code https://dlp.example.com}), or null
     */
    ConsoleRouter(List<Route> routes, Authenticator authenticator, AuditTrail audit, AlertsMetrics metrics, boolean tls,
                  boolean hsts, String publicOrigin) {
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
        this.audit = audit;
        this.metrics = metrics;
        this.tls = tls;
        this.hsts = hsts;
        this.publicOrigin = publicOrigin;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        SecurityHeaders.apply(ex.getResponseHeaders(), hsts);
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        try {
            dispatch(ex, method);
        } catch (HttpError e) {
            Responses.error(ex, e.status(), e.getMessage());
        } catch (TriageService.TriageDeniedException e) {
            Responses.error(ex, 403, e.getMessage());
        } catch (TriageService.AlertNotFoundException e) {
            Responses.error(ex, 404, "alert not found");
        } catch (TriageException | IllegalArgumentException e) {
            Responses.error(ex, 400, e.getMessage());
        } catch (TriageStorageException e) {
            log.error("event=triage_store_failed error={}", e.getMessage());
            Responses.error(ex, 503, "triage could not be stored; try again");
        } catch (IOException e) {
            // The client went away mid-response; nothing left to send.
            log.debug("event=response_aborted path={} error={}", ex.getRequestURI().getPath(), e.getClass().getName());
        } catch (RuntimeException e) {
            log.error("event=request_failed method={} path={} error={}", method, ex.getRequestURI().getPath(),
                    e.getClass().getName(), e);
            Responses.error(ex, 500, "internal error");
        } finally {
            metrics.httpRequest(method, ex.getResponseCode());
            ex.close();
        }
    }

    private void dispatch(HttpExchange ex, String method) throws IOException {
        String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        Route route = null;
        Map<String, String> params = null;
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> m = r.match(path);
            if (m != null) {
                pathKnown = true;
                if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
                    route = r;
                    params = m;
                    break;
                }
            }
        }
        if (route == null) {
            throw new HttpError(pathKnown ? 405 : 404, pathKnown ? "method not allowed" : "not found");
        }
        Optional<Authenticator.Authentication> auth = authenticator.authenticate(
                ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Cookie"));
        String remote = ex.getRemoteAddress().getAddress().getHostAddress();
        if (route.role() != null) {
            if (auth.isEmpty()) {
                throw new HttpError(401, "authentication required");
            }
            if (!auth.get().principal().role().includes(route.role())) {
                audit.record(auth.get().principal(), "access.denied", path, AuditOutcome.DENIED, remote,
                        Map.of("method", method));
                throw new HttpError(403, "your role does not allow this");
            }
        }
        if (route.stateChanging()) {
            checkOrigin(ex);
            if (auth.isPresent() && auth.get().byCookie()) {
                String presented = ex.getRequestHeaders().getFirst(CSRF_HEADER);
                String expected = auth.get().session().csrfToken();
                if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8))) {
                    audit.record(auth.get().principal(), "csrf.rejected", path, AuditOutcome.DENIED, remote, Map.of());
                    throw new HttpError(403, "missing or wrong CSRF token");
                }
            }
        }
        route.handler().handle(new WebRequest(ex, params, auth.orElse(null)));
    }

    /** Refuses cross-site state changes: Fetch metadata and Origin must point at this console. */
    private void checkOrigin(HttpExchange ex) {
        String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && site.equals("cross-site")) {
            throw new HttpError(403, "cross-site request refused");
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            String host = ex.getRequestHeaders().getFirst("Host");
            String expected = (tls ? "https://" : "http://") + host;
            boolean ok = (host != null && origin.equalsIgnoreCase(expected))
                    || (publicOrigin != null && origin.equalsIgnoreCase(publicOrigin));
            if (!ok) {
                throw new HttpError(403, "cross-origin request refused");
            }
        }
    }
}
