package io.agentdlp.topology.risky;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalises git remotes so {@code git@host:owner/repo.git} and {@code https://host/owner/repo} compare equal. */
final class GitRemote {
    private static final Pattern URL = Pattern.compile("(?i)[a-z+]+://(?:[^@/]*@)?([^/:]+)(?::\\d+)?/(.*)");
    private static final Pattern SCP = Pattern.compile("(?:[^@/]+@)?([^/:]+):(.*)");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");
    private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");

    private GitRemote() {
    }

    /** {@code host/owner/repo} lower-case, without {@code .git} and trailing slashes; null when unparseable. */
    static String normalize(String remote) {
        if (remote == null) {
            return null;
        }
        String r = remote.trim();
        Matcher m = URL.matcher(r);
        if (!m.matches()) {
            m = SCP.matcher(r);
            if (!m.matches()) {
                return null;
            }
        }
        String path = TRAILING_SLASHES.matcher(m.group(2)).replaceAll("");
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        return (m.group(1) + "/" + LEADING_SLASHES.matcher(path).replaceAll("")).toLowerCase(Locale.ROOT);
    }
}
