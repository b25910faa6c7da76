package io.agentdlp.detection.policy;

import java.util.Locale;

/**
 * An agent pattern: {@code claude-code}, {@code claude-code@2.1.*}, {@code codex@>=0.40}. Versions
 * compare numerically segment by segment; a missing agent version never satisfies a version bound.
 */
final class AgentSelector {
    private final Glob name;
    private final String op;
    private final String version;
    private final Glob versionGlob;

    private AgentSelector(Glob name, String op, String version, Glob versionGlob) {
        this.name = name;
        this.op = op;
        this.version = version;
        this.versionGlob = versionGlob;
    }

    static AgentSelector parse(String spec) {
        int at = spec.indexOf('@');
        if (at < 0) {
            return new AgentSelector(Glob.compile(spec.trim(), false, true), null, null, null);
        }
        Glob name = Glob.compile(spec.substring(0, at).trim(), false, true);
        String v = spec.substring(at + 1).trim();
        for (String op : new String[] {">=", "<=", ">", "<", "="}) {
            if (v.startsWith(op)) {
                return new AgentSelector(name, op, v.substring(op.length()).trim(), null);
            }
        }
        return new AgentSelector(name, null, null, Glob.compile(v, false, false));
    }

    boolean matches(String agentName, String agentVersion) {
        if (!name.matches(agentName)) {
            return false;
        }
        if (versionGlob != null) {
            return versionGlob.matches(agentVersion);
        }
        if (op == null) {
            return true;
        }
        if (agentVersion == null) {
            return false;
        }
        int c = compare(agentVersion, version);
        return switch (op) {
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            default -> c == 0;
        };
    }

    boolean exact() {
        return name.exact() && (op != null ? op.equals("=") : versionGlob == null || versionGlob.exact());
    }

    /** The agent name when the selector is just an exact name (no version bound), else null. */
    String plainName() {
        return op == null && versionGlob == null ? name.literal() : null;
    }

    static int compare(String a, String b) {
        String[] x = a.toLowerCase(Locale.ROOT).split("[.\\-+]");
        String[] y = b.toLowerCase(Locale.ROOT).split("[.\\-+]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            if (p.chars().allMatch(Character::isDigit) && q.chars().allMatch(Character::isDigit)
                    && !p.isEmpty() && !q.isEmpty()) {
                c = Long.compare(Long.parseLong(p), Long.parseLong(q));
            } else {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
