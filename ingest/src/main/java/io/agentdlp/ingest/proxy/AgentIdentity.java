package io.agentdlp.ingest.proxy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agent and its version as told by a request's {@code User-Agent}. */
record AgentIdentity(String name, String version) {
    private static final Pattern PRODUCT = Pattern.compile("^([A-Za-z][A-Za-z0-9_.-]*)/([0-9][0-9A-Za-z.+-]*)");

    static AgentIdentity fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new AgentIdentity("unknown", null);
        }
        Matcher m = PRODUCT.matcher(userAgent.trim());
        String product = m.find() ? m.group(1) : userAgent.trim().split("\\s+")[0];
        String version = m.find(0) ? m.group(2) : null;
        String p = product.toLowerCase(Locale.ROOT);
        String name;
        if (p.startsWith("claude-cli") || p.startsWith("claude-code") || p.startsWith("claude")) {
            name = "claude-code";
        } else if (p.startsWith("codex")) {
            name = "codex";
        } else if (p.startsWith("geminicli") || p.startsWith("gemini")) {
            name = "gemini-cli";
        } else if (p.startsWith("cursor")) {
            name = "cursor";
        } else if (p.contains("copilot")) {
            name = "copilot";
        } else {
            name = p;
        }
        return new AgentIdentity(name, version);
    }
}
