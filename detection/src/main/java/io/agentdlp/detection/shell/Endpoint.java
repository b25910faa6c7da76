package io.agentdlp.detection.shell;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network destination: host (lower-case, no port), port when known, URL without query string or
 * fragment (query strings often carry credentials).
 */
public record Endpoint(String host, Integer port, String url) {
    private static final Pattern URL = Pattern.compile(
            "(?i)([a-z][a-z0-9+.-]*)://(?:[^@/?#\\s]*@)?(\\[[0-9a-f:.]+]|[^:/?#\\s\\[\\]]+)(?::(\\d{1,5}))?([^?#\\s]*)");

    public Endpoint {
        Objects.requireNonNull(host, "host");
        host = host.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code scheme://[user@]host[:port][/path][?query]}; empty when the text is not such a URL. */
    public static Optional<Endpoint> fromUrl(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = URL.matcher(text.trim());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String host = stripBrackets(m.group(2));
        Integer port = m.group(3) != null ? Integer.valueOf(m.group(3)) : defaultPort(scheme);
        String url = scheme + "://" + m.group(2).toLowerCase(Locale.ROOT) + (m.group(3) != null ? ":" + m.group(3) : "")
                + m.group(4);
        return Optional.of(new Endpoint(host, port, url));
    }

    /** A bare host, optionally with a port. */
    public static Endpoint host(String host, Integer port) {
        return new Endpoint(stripBrackets(host), port, null);
    }

    private static String stripBrackets(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static Integer defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ssh", "sftp", "scp", "git+ssh" -> 22;
            case "ftp" -> 21;
            case "rsync" -> 873;
            case "git" -> 9418;
            default -> null;
        };
    }
}
