package io.agentdlp.alerts.sink;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.agentdlp.alerts.config.ConfigException;
import io.agentdlp.alerts.config.Settings;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.alerts.sink.format.CefFormat;
import io.agentdlp.alerts.sink.format.EcsFormat;
import io.agentdlp.alerts.sink.format.ElasticBulkFormat;
import io.agentdlp.alerts.sink.format.OcsfFormat;
import io.agentdlp.alerts.sink.format.ProductInfo;
import io.agentdlp.alerts.sink.format.SlackFormat;
import io.agentdlp.alerts.sink.format.SplunkHecFormat;
import io.agentdlp.alerts.sink.format.SyslogFormat;
import io.agentdlp.alerts.sink.format.WebhookFormat;
import io.agentdlp.alerts.sink.output.ElasticBulkSink;
import io.agentdlp.alerts.sink.output.HttpTransport;
import io.agentdlp.alerts.sink.output.OcsfFileSink;
import io.agentdlp.alerts.sink.output.OcsfHttpSink;
import io.agentdlp.alerts.sink.output.OcsfStdoutSink;
import io.agentdlp.alerts.sink.output.SlackSink;
import io.agentdlp.alerts.sink.output.SplunkHecSink;
import io.agentdlp.alerts.sink.output.SyslogSink;
import io.agentdlp.alerts.sink.output.WebhookSink;
import io.agentdlp.alerts.trail.TrailExportFormats;
import io.agentdlp.alerts.trail.TrailRecord;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;

/**
 * Builds sinks from {@code alerts.sink.<name>.*} settings (see docs/alerts.md for every key).
 * Supported types: {@code ocsf-stdout}, {@code ocsf-file}, {@code ocsf-http}, {@code elastic},
 * {@code splunk-hec}, {@code webhook}, {@code slack}, {@code syslog}. Audit-trail sinks
 * ({@code alerts.trail.sink.<name>.*}, docs/audit.md) use the same transports and keys.
 */
public final class SinkFactory {
    /** Every per-sink key ({@code header.<Name>} aside), for environment overrides and docs. */
    public static final List<String> KEYS = List.of("type", "url", "token", "secret", "index", "op",
            "source", "sourcetype", "path", "max-bytes", "max-files", "host", "port", "protocol", "facility", "hostname",
            "app-name", "batch-size", "timeout", "min-severity", "detectors", "skip-suppressed", "start-from",
            "retry.initial-delay", "retry.max-delay", "retry.max-attempts");
    private final ProductInfo product;
    private final AlertLinks links;
    private final PrintStream stdout;

    public SinkFactory(ProductInfo product, AlertLinks links, PrintStream stdout) {
        this.product = product;
        this.links = links;
        this.stdout = stdout;
    }

    /** A configured sink definition: the sink plus how it is fed. */
    public record Definition<T>(Sink<T> sink, Predicate<T> filter, RetryPolicy retry, String startFrom) {
    }

    /**
     * @param name       sink name from {@code alerts.sinks}
     * @param s          settings scoped to {@code alerts.sink.<name>.}
     * @param suppressed whether an alert id is currently suppressed in the console
     */
    public Definition<DlpAlert> create(String name, Settings s, Predicate<String> suppressed) {
        String type = s.get("type").orElseThrow(() -> new ConfigException("missing alerts.sink." + name + ".type"));
        String p = "alerts.sink." + name;
        Sink<DlpAlert> sink = switch (type) {
            case "ocsf-stdout" -> new OcsfStdoutSink<>(name, ocsf()::finding, stdout);
            case "ocsf-file" -> new OcsfFileSink<>(name, ocsf()::finding, Path.of(req(p, s, "path")),
                    s.longValue("max-bytes", 100L * 1024 * 1024), s.integer("max-files", 10));
            case "ocsf-http" -> new OcsfHttpSink<>(name, ocsf()::finding, http(s), uri(p, s, "url"), headers(s),
                    batch(p, s, 100));
            case "elastic" -> new ElasticBulkSink<>(name, new ElasticBulkFormat(new EcsFormat(product, links),
                    s.string("index", "agentdlp-alerts"), op(name, s))::body, http(s), uri(p, s, "url"),
                    headers(s), batch(p, s, 200));
            case "splunk-hec" -> new SplunkHecSink<>(name, new SplunkHecFormat(ocsf(), s.string("source", "agentdlp"),
                    s.string("sourcetype", "agentdlp:ocsf:data_security_finding"), s.string("index", null))::body,
                    http(s), uri(p, s, "url"), req(p, s, "token"), batch(p, s, 100));
            case "webhook" -> new WebhookSink(name, new WebhookFormat(links), http(s), uri(p, s, "url"), headers(s),
                    s.string("secret", null));
            case "slack" -> new SlackSink(name, new SlackFormat(links), http(s), uri(p, s, "url"));
            case "syslog" -> new SyslogSink<>(name, new SyslogFormat(new CefFormat(product, links),
                    s.integer("facility", 10), s.string("hostname", localHostName()), s.string("app-name", "agentdlp"))::message,
                    req(p, s, "host"), s.integer("port", 514), SyslogSink.Protocol.parse(s.string("protocol", "tcp")));
            default -> throw new ConfigException("alerts.sink." + name + ".type: unknown sink type '" + type
                    + "' (ocsf-stdout, ocsf-file, ocsf-http, elastic, splunk-hec, webhook, slack, syslog)");
        };
        SinkFilter filter = new SinkFilter(severity(name, s.string("min-severity", "INFO")),
                new HashSet<>(s.list("detectors")), s.bool("skip-suppressed", true), suppressed);
        return new Definition<>(sink, filter, retry(s), startFrom("alerts.sink." + name, s));
    }

    /**
     * An audit-trail sink from {@code alerts.trail.sink.<name>.*}: the same transports, carrying each
     * chained OCSF record unchanged. Types: {@code ocsf-stdout}, {@code ocsf-file}, {@code ocsf-http}
     * (alias {@code webhook}: NDJSON POST), {@code splunk-hec}, {@code elastic}, {@code syslog}.
     */
    public Definition<TrailRecord> trail(String name, Settings s) {
        String key = "alerts.trail.sink." + name;
        String type = s.get("type").orElseThrow(() -> new ConfigException("missing " + key + ".type"));
        Sink<TrailRecord> sink = switch (type) {
            case "ocsf-stdout" -> new OcsfStdoutSink<>(name, TrailRecord::ocsf, stdout);
            case "ocsf-file" -> new OcsfFileSink<>(name, TrailRecord::ocsf, Path.of(req(key, s, "path")),
                    s.longValue("max-bytes", 100L * 1024 * 1024), s.integer("max-files", 10));
            case "ocsf-http", "webhook" -> new OcsfHttpSink<>(name, TrailRecord::ocsf, http(s), uri(key, s, "url"),
                    headers(s), batch(key, s, 200));
            case "elastic" -> {
                String index = s.string("index", "agentdlp-audit");
                yield new ElasticBulkSink<TrailRecord>(name, b -> TrailExportFormats.elasticBulk(b, index), http(s),
                        uri(key, s, "url"), headers(s), batch(key, s, 500));
            }
            case "splunk-hec" -> {
                String source = s.string("source", "agentdlp");
                String sourcetype = s.string("sourcetype", "agentdlp:ocsf:activity");
                String index = s.string("index", null);
                yield new SplunkHecSink<TrailRecord>(name, b -> TrailExportFormats.splunkHec(b, source, sourcetype, index),
                        http(s), uri(key, s, "url"), req(key, s, "token"), batch(key, s, 200));
            }
            case "syslog" -> {
                int facility = s.integer("facility", 13);
                String host = s.string("hostname", localHostName());
                String app = s.string("app-name", "agentdlp");
                yield new SyslogSink<TrailRecord>(name, r -> TrailExportFormats.syslog(r, facility, host, app),
                        req(key, s, "host"), s.integer("port", 514), SyslogSink.Protocol.parse(s.string("protocol", "tcp")));
            }
            default -> throw new ConfigException(key + ".type: unknown audit sink type '" + type
                    + "' (ocsf-stdout, ocsf-file, ocsf-http, webhook, elastic, splunk-hec, syslog)");
        };
        return new Definition<>(sink, r -> true, retry(s), startFrom(key, s));
    }

    private static RetryPolicy retry(Settings s) {
        return new RetryPolicy(s.duration("retry.initial-delay", Duration.ofSeconds(1)),
                s.duration("retry.max-delay", Duration.ofSeconds(60)), s.integer("retry.max-attempts", 12));
    }

    private static String startFrom(String key, Settings s) {
        String startFrom = s.string("start-from", "earliest");
        if (!startFrom.equals("earliest") && !startFrom.equals("latest")) {
            throw new ConfigException(key + ".start-from must be earliest or latest");
        }
        return startFrom;
    }

    private static Severity severity(String name, String v) {
        try {
            return Severity.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("alerts.sink." + name + ".min-severity must be INFO, LOW, MEDIUM, HIGH or CRITICAL", e);
        }
    }

    private OcsfFormat ocsf() {
        return new OcsfFormat(product, links);
    }

    private static HttpTransport http(Settings s) {
        return new HttpTransport(s.duration("timeout", Duration.ofSeconds(10)));
    }

    private static Map<String, String> headers(Settings s) {
        return s.withPrefix("header.");
    }

    private static ElasticBulkFormat.Op op(String name, Settings s) {
        String op = s.string("op", "index");
        return switch (op) {
            case "index" -> ElasticBulkFormat.Op.INDEX;
            case "create" -> ElasticBulkFormat.Op.CREATE;
            default -> throw new ConfigException("alerts.sink." + name + ".op must be index or create");
        };
    }

    private static int batch(String prefix, Settings s, int def) {
        int b = s.integer("batch-size", def);
        if (b < 1 || b > 10_000) {
            throw new ConfigException(prefix + ".batch-size must be 1..10000");
        }
        return b;
    }

    private static String req(String prefix, Settings s, String key) {
        return s.get(key).orElseThrow(() -> new ConfigException("missing " + prefix + "." + key));
    }

    private static URI uri(String prefix, Settings s, String key) {
        String v = req(prefix, s, key);
        try {
            URI u = URI.create(v);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new ConfigException(prefix + "." + key + " must be an http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            // The URL may embed a credential (Slack webhooks do): do not echo it.
            throw new ConfigException(prefix + "." + key + " is not a valid URL", e);
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // RFC 5424 NILVALUE: the receiver then records the sender's address instead.
            return "-";
        }
    }
}
