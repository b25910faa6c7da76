package io.agentdlp.topology.risky;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentdlp.topology.policy.Glob;

/**
 * Tells internal hosts from external ones: loopback, private and link-local addresses, and the
 * configured internal host globs are internal; everything else is external.
 */
public final class HostClassifier {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private final List<Glob> internal;

    public HostClassifier(List<String> internalGlobs) {
        this.internal = internalGlobs.stream().map(Glob::host).toList();
    }

    public boolean isExternal(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || Glob.anyHost(internal, h)) {
            return false;
        }
        Matcher m = IPV4.matcher(h);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            boolean priv = a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                    || (a == 169 && b == 254) || a == 0;
            return !priv;
        }
        if (h.contains(":")) {
            return !(h.equals("::1") || h.startsWith("fc") || h.startsWith("fd") || h.startsWith("fe80"));
        }
        // A single-label name (no dot) resolves through the local search domain: internal.
        return h.contains(".");
    }
}
