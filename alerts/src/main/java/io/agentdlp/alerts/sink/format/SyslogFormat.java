package io.agentdlp.alerts.sink.format;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;

/**
 * RFC 5424 syslog message carrying the alert's CEF line as MSG:
 * {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME - MSGID - CEF:0|...}. PRI combines the configured facility
 * with a syslog severity derived from the alert severity. No structured data and no BOM: CEF parsers
 * (ArcSight, QRadar, Sentinel's CEF connector) expect the CEF text right after the header.
 */
public final class SyslogFormat {
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private final CefFormat cef;
    private final int facility;
    private final String hostname;
    private final String appName;

    /**
     * @param facility syslog facility code 0..23 (e.g. 10 authpriv, 16..23 local0..local7)
     * @param hostname HOSTNAME field (sanitized to printable ASCII without spaces)
     * @param appName  APP-NAME field
     */
    public SyslogFormat(CefFormat cef, int facility, String hostname, String appName) {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("syslog facility must be 0..23, got " + facility);
        }
        this.cef = cef;
        this.facility = facility;
        this.hostname = field(hostname, 255);
        this.appName = field(appName, 48);
    }

    /** The message without transport framing. */
    public String message(DlpAlert a) {
        int pri = facility * 8 + syslogSeverity(a.getSeverity());
        return "<" + pri + ">1 " + TS.format(a.getLastSeen()) + ' ' + hostname + ' ' + appName + " - DLPALERT - "
                + cef.line(a);
    }

    /** Syslog severity: CRITICAL 2 (crit), HIGH 3 (err), MEDIUM 4 (warning), LOW 5 (notice), INFO 6 (info). */
    static int syslogSeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> 2;
            case HIGH -> 3;
            case MEDIUM -> 4;
            case LOW -> 5;
            case INFO -> 6;
        };
    }

    /** An RFC 5424 header field: printable ASCII without spaces, at most {@code max} characters, {@code -} when empty. */
    public static String field(String s, int max) {
        if (s == null || s.isBlank()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c > 32 && c < 127) {
                sb.append(c);
            }
        }
        String v = sb.length() == 0 ? "-" : sb.toString();
        return v.length() > max ? v.substring(0, max) : v;
    }
}
