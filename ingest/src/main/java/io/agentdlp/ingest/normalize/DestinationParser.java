package io.agentdlp.ingest.normalize;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentdlp.avro.Destination;
import io.agentdlp.detection.shell.Endpoint;
import io.agentdlp.detection.shell.NetworkCommands;

/**
 * Network destinations of tool inputs as the event schema's {@link Destination}: the host lower-cased,
 * the port explicit or implied by the scheme, and the URL without user info, query string or fragment
 * (both often carry credentials). Parsing is the detection library's, so the sensor, the proxy and the
 * topology agree on what a destination is.
 */
public final class DestinationParser {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?|ftp)://[^\\s'\"<>`)\\]}]+");

    private DestinationParser() {
    }

    /** The destination of one URL, or null when it is not an absolute URL with a host. */
    public static Destination fromUrl(String url) {
        return url == null ? null : Endpoint.fromUrl(url).map(DestinationParser::toAvro).orElse(null);
    }

    /** The destination of the first URL inside free text (a prompt, a tool argument), or null. */
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

    /**
     * The first destination a shell command line sends to: hosts of network tools (curl, ssh, scp,
     * nc, git push URLs, ...), else the first URL anywhere in it; null when there is none.
     */
    public static Destination ofCommand(String commandLine) {
        List<Endpoint> endpoints = NetworkCommands.analyze(commandLine).endpoints();
        return endpoints.isEmpty() ? firstIn(commandLine) : toAvro(endpoints.get(0));
    }

    private static Destination toAvro(Endpoint e) {
        return new Destination(e.host(), e.port(), e.url());
    }
}
