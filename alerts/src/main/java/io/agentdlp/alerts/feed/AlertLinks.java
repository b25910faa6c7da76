package io.agentdlp.alerts.feed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.agentdlp.avro.CodeMatch;

/**
 * Links out of an alert: to the alert in the console (used by sinks so a SIEM or chat message leads
 * back to the detail) and to the matched source lines on the company's code host.
 *
 * <p>The code link template may use {@code {repo}}, {@code {path}}, {@code {start}} and
 * {@code {end}}; for example {@code https://github.com/acme/{repo}/blob/HEAD/{path}#L{start}-L{end}}.
 * The repo is URL-encoded as one segment, the path segment by segment (slashes kept).
 *
 * @param consoleBaseUrl     external URL of the console, e.g. {@code https://dlp.example.com}; null when unknown
 * @param codeLinkTemplate   template for code matches; null disables code links
 */
public record AlertLinks(String consoleBaseUrl, String codeLinkTemplate) {

    /** No links. */
    public static AlertLinks none() {
        return new AlertLinks(null, null);
    }

    public AlertLinks {
        consoleBaseUrl = blankToNull(consoleBaseUrl);
        if (consoleBaseUrl != null && consoleBaseUrl.endsWith("/")) {
            consoleBaseUrl = consoleBaseUrl.substring(0, consoleBaseUrl.length() - 1);
        }
        codeLinkTemplate = blankToNull(codeLinkTemplate);
    }

    /** URL of the alert's detail page in the console. */
    public Optional<String> alert(String alertId) {
        if (consoleBaseUrl == null) {
            return Optional.empty();
        }
        return Optional.of(consoleBaseUrl + "/#/alerts/" + encode(alertId));
    }

    /** URL of the matched source lines. */
    public Optional<String> code(CodeMatch m) {
        if (codeLinkTemplate == null || m == null) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        for (String seg : m.getSourcePath().split("/", -1)) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(encode(seg));
        }
        return Optional.of(codeLinkTemplate
                .replace("{repo}", encode(m.getRepo()))
                .replace("{path}", path)
                .replace("{start}", Integer.toString(m.getSourceStartLine()))
                .replace("{end}", Integer.toString(m.getSourceEndLine())));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
