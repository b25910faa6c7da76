package io.agentdlp.detection.policy;

import java.util.Locale;

/**
 * Normalises git remotes so {@code git@github.com:acme/app.git}, {@code ssh://git@github.com/acme/app}
 * and {@code https://user@github.com/acme/app.git} all read {@code github.com/acme/app}.
 */
public final class RepoRemote {
    private RepoRemote() {
    }

    public static String normalise(String remote) {
        if (remote == null || remote.isBlank()) {
            return null;
        }
        String r = remote.trim();
        int scheme = r.indexOf("://");
        if (scheme >= 0) {
            r = r.substring(scheme + 3);
            int at = r.indexOf('@');
            int slash = r.indexOf('/');
            if (at >= 0 && (slash < 0 || at < slash)) {
                r = r.substring(at + 1);
            }
        } else {
            int at = r.indexOf('@');
            if (at >= 0) {
                r = r.substring(at + 1);
            }
            r = r.replaceFirst(":", "/");
        }
        // drop a port after the host
        r = r.replaceFirst("^([^/:]+):\\d+/", "$1/");
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        if (r.endsWith(".git")) {
            r = r.substring(0, r.length() - 4);
        }
        return r.toLowerCase(Locale.ROOT);
    }
}
