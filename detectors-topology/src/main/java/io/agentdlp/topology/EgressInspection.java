package io.agentdlp.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.detection.shell.CommandAnalysis;
import io.agentdlp.detection.shell.Endpoint;
import io.agentdlp.detection.shell.NetworkCommands;
import io.agentdlp.topology.policy.Destinations;

/**
 * Reads an event once for every detector: the text to scan (cut to the size limit), the shell
 * command line of shell tool calls, and the destinations (the event's own destination, URLs in web
 * and MCP tool input, hosts named by network commands, and for model requests without one the
 * {@code url}/{@code server.address} attribute).
 */
public final class EgressInspection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DESTINATION_ATTRIBUTES = List.of("url", "server.address", "http.url", "base_url");

    private final int maxScanBytes;

    public EgressInspection(long maxScanBytes) {
        this.maxScanBytes = (int) Math.min(Integer.MAX_VALUE, maxScanBytes);
    }

    public InspectedEvent inspect(String key, AgentEgressEvent e) {
        Content c = e.getContent();
        String raw = c == null ? null : c.getText();
        Tool tool = e.getTool();
        if (raw == null && tool != null && tool.getInputJson() != null) {
            raw = tool.getInputJson();
        }
        String text = null;
        boolean cut = false;
        long bytes = c != null ? c.getBytes() : 0;
        if (raw != null) {
            // The sensor states the content's size; only tool input needs it counted here.
            Utf8Prefix prefix = Utf8Prefix.of(raw, maxScanBytes, c == null);
            text = prefix.text();
            cut = prefix.cut();
            if (c == null) {
                bytes = prefix.totalBytes();
            }
        }
        boolean truncated = cut || (c != null && c.getTruncated());
        String commandLine = commandLine(e);
        if (commandLine != null) {
            commandLine = Utf8Prefix.of(commandLine, maxScanBytes, false).text();
        }
        CommandAnalysis command = commandLine == null ? CommandAnalysis.NONE : NetworkCommands.analyze(commandLine);
        List<Endpoint> endpoints = new ArrayList<>();
        if (e.getDestination() != null) {
            Endpoint d = Destinations.fromAvro(e.getDestination());
            if (d != null) {
                endpoints.add(d);
            }
        }
        if (tool != null && tool.getInputJson() != null
                && (tool.getCategory() == ToolCategory.web || tool.getCategory() == ToolCategory.mcp)) {
            ToolInputUrls.addTo(tool.getInputJson(), endpoints);
        }
        endpoints.addAll(command.endpoints());
        if (endpoints.isEmpty()) {
            for (String a : DESTINATION_ATTRIBUTES) {
                String v = e.getAttributes().get(a);
                if (v != null) {
                    Endpoint.fromUrl(v.contains("://") ? v : "https://" + v).ifPresent(endpoints::add);
                    break;
                }
            }
        }
        return new InspectedEvent(key, e, text, truncated, bytes, commandLine, command, distinct(endpoints));
    }

    /** The endpoints without repeats, first occurrences in order (most events name none or one). */
    private static List<Endpoint> distinct(List<Endpoint> endpoints) {
        if (endpoints.size() < 2) {
            return endpoints;
        }
        List<Endpoint> out = new ArrayList<>(endpoints.size());
        for (Endpoint p : endpoints) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The command line of a shell tool call: {@code command} (string or argv array) or {@code cmd} of the input. */
    static String commandLine(AgentEgressEvent e) {
        Tool tool = e.getTool();
        Content c = e.getContent();
        if (c != null && c.getText() != null && c.getField() != null
                && (c.getField().endsWith(".command") || c.getField().equals("command"))) {
            return c.getText();
        }
        if (tool == null || tool.getCategory() != ToolCategory.shell || tool.getInputJson() == null) {
            return null;
        }
        try {
            JsonNode in = JSON.readTree(tool.getInputJson());
            for (String f : List.of("command", "cmd", "script")) {
                JsonNode v = in.get(f);
                if (v == null) {
                    continue;
                }
                if (v.isTextual()) {
                    return v.asText();
                }
                if (v.isArray()) {
                    List<String> argv = new ArrayList<>();
                    v.forEach(x -> argv.add(x.asText()));
                    // ["bash","-lc","<script>"]: the script is the command line.
                    if (argv.size() == 3 && argv.get(1).matches("-l?c")) {
                        return argv.get(2);
                    }
                    return String.join(" ", argv.stream().map(EgressInspection::quote).toList());
                }
            }
            return null;
        } catch (JsonProcessingException ex) {
            return null;
        }
    }

    private static String quote(String s) {
        return s.isEmpty() || s.chars().anyMatch(ch -> " \t'\"|&;<>$`\\".indexOf(ch) >= 0)
                ? "'" + s.replace("'", "'\\''") + "'" : s;
    }

    /**
     * A string cut to at most {@code max} UTF-8 bytes on a character boundary, and its whole UTF-8
     * size ({@code -1} when short enough not to need cutting and the size was not asked for).
     */
    record Utf8Prefix(String text, boolean cut, long totalBytes) {
        static Utf8Prefix of(String s, int max, boolean countBytes) {
            // Fast path: every char is at most 3 UTF-8 bytes.
            if ((long) s.length() * 3 <= max) {
                return new Utf8Prefix(s, false, countBytes ? utf8Length(s) : -1);
            }
            long total = 0;
            int cutAt = -1;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                int len;
                if (ch < 0x80) {
                    len = 1;
                } else if (ch < 0x800) {
                    len = 2;
                } else if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    len = 4;
                } else if (Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                    len = 0;
                } else {
                    len = 3;
                }
                if (cutAt < 0 && total + len > max && len > 0) {
                    cutAt = i;
                }
                total += len;
            }
            return cutAt < 0 ? new Utf8Prefix(s, false, total) : new Utf8Prefix(s.substring(0, cutAt), true, total);
        }

        private static long utf8Length(String s) {
            boolean ascii = true;
            for (int i = 0; i < s.length() && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            return ascii ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
