package io.agentdlp.topology.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A version constraint of an agent subject: {@code >=2.1}, {@code <3}, {@code =2.1.240} or a glob such as {@code 2.1.*}. */
final class VersionRange {
    private static final Pattern OP = Pattern.compile("(>=|<=|>|<|=)?\\s*(.+)");
    private final String op;
    private final String version;
    private final Glob glob;

    private VersionRange(String op, String version) {
        this.op = op;
        this.version = version;
        this.glob = version.contains("*") ? Glob.host(version) : null;
    }

    static VersionRange parse(String text) {
        Matcher m = OP.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad version range '" + text + "'");
        }
        return new VersionRange(m.group(1) == null ? "=" : m.group(1), m.group(2).trim());
    }

    boolean matches(String actual) {
        if (actual == null) {
            return false;
        }
        if (glob != null) {
            return glob.matches(actual);
        }
        int c = compare(actual, version);
        return switch (op) {
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            default -> c == 0;
        };
    }

    /** Numeric comparison of dot-separated parts; non-numeric parts compare as text. */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            if (isNumber(p) && isNumber(q)) {
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

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 18 && s.chars().allMatch(Character::isDigit);
    }
}
