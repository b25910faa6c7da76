package io.agentdlp.ingest.proxy;

import io.agentdlp.detection.Severity;

/**
 * Which findings the proxy blocks and which it only records: findings at or above
 * {@code enforceAt} block the request (enforce), those at or above {@code warnAt} are forwarded and
 * recorded as warnings; everything else is monitored. A null threshold disables that level, so
 * {@code (null, null)} is pure monitoring.
 */
public record Enforcement(Severity warnAt, Severity enforceAt) {

    /** Monitor everything, block nothing. */
    public static Enforcement monitorOnly() {
        return new Enforcement(null, null);
    }

    /** Parses {@code monitor}, {@code warn}, {@code enforce} or {@code warn=MEDIUM,enforce=HIGH}. */
    public static Enforcement parse(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "monitor":
                return monitorOnly();
            case "warn":
                return new Enforcement(Severity.LOW, null);
            case "enforce":
                return new Enforcement(Severity.LOW, Severity.HIGH);
            default:
                break;
        }
        Severity warn = null;
        Severity enforce = null;
        for (String part : s.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("enforcement '" + spec + "': expected monitor, warn, enforce or warn=SEV,enforce=SEV");
            }
            switch (kv[0].trim()) {
                case "warn" -> warn = Severity.parse(kv[1]);
                case "enforce" -> enforce = Severity.parse(kv[1]);
                default -> throw new IllegalArgumentException("enforcement '" + spec + "': unknown level '" + kv[0].trim() + "'");
            }
        }
        return new Enforcement(warn, enforce);
    }

    public boolean blocks(Severity s) {
        return enforceAt != null && s.compareTo(enforceAt) >= 0;
    }

    public boolean warns(Severity s) {
        return warnAt != null && s.compareTo(warnAt) >= 0;
    }
}
