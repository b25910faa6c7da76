package io.agentdlp.ingest.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentdlp.avro.Destination;

/**
 * Network destinations from URLs: the host lower-cased, the port explicit or implied by the
 * scheme, and the URL without query string or fragment (query strings often carry credentials).
 */
public final class DestinationParser {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?|ftp)://[^\\s'\"<>`)\\]}]+");

    private DestinationParser() {
    }

    /** The destination of one URL, or null when it is not an absolute URL with a host. */
    public static Destination fromUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return null; // not a URL: no destination to report
        }
        String host = uri.getHost();
        String scheme = uri.getScheme();
        if (host == null || scheme == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme.toLowerCase(Locale.ROOT));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority; // drop user-info credentials
        String clean = scheme.toLowerCase(Locale.ROOT) + "://" + hostPort.toLowerCase(Locale.ROOT) + path;
        return new Destination(host, port > 0 ? port : null, clean);
    }

    /** The destination of the first URL inside free text (a shell command, a prompt), or null. */
    public static Destination firstIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = URL.matcher(text);
        while (m.find()) {
            Destination d = fromUrl(m.group());
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
    }
}
