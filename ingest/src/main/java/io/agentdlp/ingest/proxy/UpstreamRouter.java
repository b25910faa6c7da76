package io.agentdlp.ingest.proxy;

import java.net.URI;
import java.util.Map;

import com.sun.net.httpserver.Headers;

/**
 * Chooses the upstream of a request. An explicit prefix wins ({@code /anthropic/...},
 * {@code /openai/...}, {@code /gemini/...}, stripped before forwarding), so one proxy serves every
 * agent; without one the API is recognised from the path, and for unknown paths from
 * provider-specific headers.
 */
final class UpstreamRouter {
    private final Map<String, URI> upstreams;

    UpstreamRouter(Map<String, URI> upstreams) {
        this.upstreams = upstreams;
    }

    /** Where to send it: the full upstream URI, and the path as the API sees it (prefix removed). */
    record Route(String upstreamKey, URI target, String apiPath) {
    }

    Route route(String path, String rawQuery, Headers headers) {
        String key = null;
        String apiPath = path;
        for (String k : upstreams.keySet()) {
            String prefix = "/" + k + "/";
            if (path.startsWith(prefix)) {
                key = k;
                apiPath = path.substring(prefix.length() - 1);
                break;
            }
        }
        if (key == null) {
            Provider p = Provider.of("POST", apiPath);
            key = p.upstreamKey();
            if (key == null) {
                if (headers.containsKey("anthropic-version")) {
                    key = "anthropic";
                } else if (headers.containsKey("x-goog-api-key") || apiPath.startsWith("/v1beta/")) {
                    key = "gemini";
                } else {
                    key = "openai";
                }
            }
        }
        URI base = upstreams.get(key);
        if (base == null) {
            throw new IllegalStateException("no upstream configured for '" + key + "'");
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        String full = base.getScheme() + "://" + base.getRawAuthority() + basePath + apiPath
                + (rawQuery == null ? "" : "?" + rawQuery);
        return new Route(key, URI.create(full), apiPath);
    }
}
