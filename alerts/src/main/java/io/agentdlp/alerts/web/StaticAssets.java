package io.agentdlp.alerts.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console's single page (HTML, JS, CSS, icon) served from the classpath. Only the listed files
 * exist; there is no path-based file lookup to traverse.
 */
final class StaticAssets {
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");
    private final Map<String, byte[]> content;

    StaticAssets() {
        this.content = FILES.keySet().stream().collect(Collectors.toUnmodifiableMap(f -> f, StaticAssets::load));
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/", null, false, r -> serve(r, "index.html")),
                new Route("GET", "/assets/{file}", null, false, r -> serve(r, r.path("file"))));
    }

    private void serve(WebRequest r, String file) throws IOException {
        byte[] b = content.get(file);
        if (b == null) {
            throw new HttpError(404, "not found");
        }
        Responses.bytes(r.exchange(), 200, FILES.get(file), b);
    }

    private static byte[] load(String file) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                throw new IllegalStateException("console asset missing from the jar: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console asset " + file, e);
        }
    }
}
