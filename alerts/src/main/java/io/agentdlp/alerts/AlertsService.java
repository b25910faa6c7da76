package io.agentdlp.alerts;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.agentdlp.alerts.audit.AuditTrail;
import io.agentdlp.alerts.audit.KafkaAuditPublisher;
import io.agentdlp.alerts.auth.ApiTokens;
import io.agentdlp.alerts.auth.JwksKeys;
import io.agentdlp.alerts.auth.JwtVerifier;
import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.auth.UserStore;
import io.agentdlp.alerts.config.ConfigException;
import io.agentdlp.alerts.config.Settings;
import io.agentdlp.alerts.feed.AlertStore;
import io.agentdlp.alerts.feed.FeedConsumer;
import io.agentdlp.alerts.feed.SessionEventIndex;
import io.agentdlp.alerts.metrics.AlertsMetrics;
import io.agentdlp.alerts.sink.DeadLetterPublisher;
import io.agentdlp.alerts.sink.SinkFactory;
import io.agentdlp.alerts.sink.SinkStatus;
import io.agentdlp.alerts.sink.SinkWorker;
import io.agentdlp.alerts.sink.format.ProductInfo;
import io.agentdlp.alerts.triage.FreeTextRedaction;
import io.agentdlp.alerts.triage.KafkaTriagePublisher;
import io.agentdlp.alerts.triage.TriageRules;
import io.agentdlp.alerts.trail.OcsfActivityMapper;
import io.agentdlp.alerts.trail.TrailChainer;
import io.agentdlp.alerts.trail.TrailPolicy;
import io.agentdlp.alerts.trail.TrailRecord;
import io.agentdlp.alerts.trail.TrailTopic;
import io.agentdlp.alerts.triage.TriageService;
import io.agentdlp.alerts.web.ConsoleServer;
import io.agentdlp.avro.AlertTriage;
import io.agentdlp.avro.AuditEvent;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: the console (view rebuilt from Kafka, triage, live feed, auth) and the sinks,
 * wired from configuration. {@link #start} returns once the HTTP server listens; the view fills in
 * the background ({@code /readyz} says when it has caught up).
 */
public final class AlertsService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertsService.class);
    private final List<AutoCloseable> resources;
    private final ConsoleServer console;
    private final FeedConsumer feed;
    private final List<SinkWorker<?>> sinks;
    private final TrailChainer trail;
    private final AlertStore store;
    private final AlertsMetrics metrics;

    private AlertsService(List<AutoCloseable> resources, ConsoleServer console, FeedConsumer feed,
                          List<SinkWorker<?>> sinks, TrailChainer trail, AlertStore store, AlertsMetrics metrics) {
        this.resources = resources;
        this.console = console;
        this.feed = feed;
        this.sinks = sinks;
        this.trail = trail;
        this.store = store;
        this.metrics = metrics;
    }

    /** Starts everything; on failure closes what was started and rethrows. */
    public static AlertsService start(Settings settings, Clock clock, PrintStream stdout) {
        AvroClassTrust.trustGenerated();
        AlertsConfig cfg = new AlertsConfig(settings);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            return start(cfg, clock, stdout, opened);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static AlertsService start(AlertsConfig cfg, Clock clock, PrintStream stdout, List<AutoCloseable> opened) {
        AlertsMetrics metrics = new AlertsMetrics();
        TopicNames names = cfg.topicNames();
        Map<String, Object> kafka = cfg.kafka();
        if (cfg.createTopics()) {
            try (Admin admin = Admin.create(kafka)) {
                new TopicProvisioner(admin, names, cfg.replicationFactor())
                        .ensure(List.of(Topics.ALERT_STATUS, Topics.AUDIT, Topics.DEAD_LETTER));
            }
        }
        TopicSerdes serdes = TopicSerdes.fromConfig(cfg.serde());
        opened.add(serdes);

        AlertStore store = new AlertStore(cfg.maxAlerts());
        metrics.storeSize(store::size);
        SessionEventIndex sessionEvents = cfg.sessionEvents()
                ? new SessionEventIndex(cfg.sessionEventsMaxSessions(), cfg.sessionEventsMaxPerSession()) : null;

        KafkaProducer<String, AlertTriage> triageProducer = new KafkaProducer<>(producerProps(kafka, "triage"),
                serdes.keySerde(Topics.ALERT_STATUS).serializer(), serdes.valueSerde(Topics.ALERT_STATUS).serializer());
        opened.add(triageProducer);
        KafkaProducer<String, AuditEvent> auditProducer = new KafkaProducer<>(producerProps(kafka, "audit"),
                serdes.keySerde(Topics.AUDIT).serializer(), serdes.valueSerde(Topics.AUDIT).serializer());
        opened.add(auditProducer);
        KafkaProducer<byte[], byte[]> dlqProducer = new KafkaProducer<>(producerProps(kafka, "dead-letter"),
                new ByteArraySerializer(), new ByteArraySerializer());
        opened.add(dlqProducer);
        KafkaClientMetrics triageClientMetrics = new KafkaClientMetrics(triageProducer);
        triageClientMetrics.bindTo(metrics.registry());
        opened.add(triageClientMetrics);

        AuditTrail audit = new AuditTrail(new KafkaAuditPublisher(auditProducer, names.name(Topics.AUDIT), metrics), clock);
        TriageService triage = new TriageService(store,
                new TriageRules(cfg.maxSuppression(), FreeTextRedaction.secrets()),
                new KafkaTriagePublisher(triageProducer, names.name(Topics.ALERT_STATUS)), audit, metrics, clock);

        Map<String, Object> feedProps = new HashMap<>(kafka);
        feedProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "agentdlp-alerts-feed");
        feedProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        feedProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> feedConsumer = new KafkaConsumer<>(feedProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        KafkaClientMetrics feedClientMetrics = new KafkaClientMetrics(feedConsumer);
        feedClientMetrics.bindTo(metrics.registry());
        opened.add(feedClientMetrics);
        FeedConsumer feed = new FeedConsumer(feedConsumer, names.name(Topics.ALERTS), names.name(Topics.ALERT_STATUS),
                sessionEvents == null ? null : names.name(Topics.EGRESS_EVENTS),
                serdes.valueSerde(Topics.ALERTS).deserializer(), serdes.valueSerde(Topics.ALERT_STATUS).deserializer(),
                serdes.eventMetadataDeserializer(), store, sessionEvents,
                cfg.sessionEventsLookback(), metrics, clock).start();
        opened.add(feed);

        SinkFactory sinkFactory = new SinkFactory(ProductInfo.agentdlp(), cfg.links(), stdout);
        DeadLetterPublisher dlq = new DeadLetterPublisher(dlqProducer, names.name(Topics.DEAD_LETTER));
        List<SinkWorker<?>> sinks = new ArrayList<>();
        for (String name : cfg.sinkNames()) {
            SinkFactory.Definition<DlpAlert> d = sinkFactory.create(name, cfg.sink(name),
                    id -> store.suppressed(id, clock.instant()));
            sinks.add(startSink(d, name, cfg.sinkGroupPrefix() + "-" + name, "alerts-sink:" + name,
                    names.name(Topics.ALERTS), serdes.valueSerde(Topics.ALERTS).deserializer(), DlpAlert::getAlertId,
                    kafka, dlq, metrics, clock, opened));
        }
        TrailChainer trail = cfg.trailEnabled() ? startTrail(cfg, names, kafka, serdes, opened) : null;
        if (trail != null) {
            for (String name : cfg.trailSinkNames()) {
                SinkFactory.Definition<TrailRecord> d = sinkFactory.trail(name, cfg.trailSink(name));
                sinks.add(startSink(d, "trail:" + name, cfg.trailApplicationId() + "-sink-" + name,
                        "audit-trail-sink:" + name, cfg.trailTopic(), TrailRecord.deserializer(), TrailRecord::id,
                        kafka, dlq, metrics, clock, opened));
            }
        }
        TrailChainer trailChainer = trail;

        UserStore users = cfg.usersFile() == null ? null : new UserStore(cfg.usersFile());
        ApiTokens tokens = cfg.apiTokensFile() == null ? ApiTokens.none() : ApiTokens.load(cfg.apiTokensFile());
        JwtVerifier jwt = oidc(cfg, clock);
        if (users == null && jwt == null && cfg.apiTokensFile() == null) {
            throw new ConfigException("no way to sign in: set alerts.auth.users-file, alerts.auth.oidc.* or "
                    + "alerts.auth.api-tokens-file");
        }
        ProductInfo product = ProductInfo.agentdlp();
        ConsoleServer console = ConsoleServer.start(cfg.console(), new ConsoleServer.Components(store, sessionEvents,
                cfg.links(), triage, audit, metrics, users, tokens, jwt,
                () -> sinks.stream().map(SinkWorker::status).toList(),
                () -> feed.healthy() && (trailChainer == null || trailChainer.healthy()), feed::ready, clock,
                product.version()));
        opened.add(console);
        return new AlertsService(opened, console, feed, sinks, trail, store, metrics);
    }

    private static TrailChainer startTrail(AlertsConfig cfg, TopicNames names, Map<String, Object> kafka,
                                           TopicSerdes serdes, List<AutoCloseable> opened) {
        TrailPolicy policy = TrailPolicy.from(cfg.settings());
        String events = names.name(Topics.EGRESS_EVENTS);
        try (Admin admin = Admin.create(kafka)) {
            if (cfg.createTopics()) {
                TrailTopic.ensure(admin, cfg.trailTopic(), events, policy.retention(), cfg.replicationFactor());
            } else if (!TrailTopic.exists(admin, cfg.trailTopic())) {
                // Topics are provisioned by the deployment here: without the trail topic there is nowhere to write.
                log.warn("event=trail_not_started reason=topic_missing topic={} hint=\"create it or set "
                        + "alerts.topics.create=true\"", cfg.trailTopic());
                return null;
            }
        }
        TrailChainer chainer = TrailChainer.start(TrailChainer.topology(events, cfg.trailTopic(),
                        serdes, new OcsfActivityMapper(ProductInfo.agentdlp(), policy),
                        policy), kafka, cfg.trailApplicationId(), cfg.trailStateDir().orElse(null),
                cfg.trailProcessingGuarantee());
        opened.add(chainer);
        log.info("event=trail_started topic={} application_id={} kinds={} retention={}", cfg.trailTopic(),
                cfg.trailApplicationId(), policy.kinds().size(), policy.retention());
        return chainer;
    }

    private static <T> SinkWorker<T> startSink(SinkFactory.Definition<T> d, String name, String groupId,
                                               String component, String topic, Deserializer<T> deserializer,
                                               Function<T, String> idOf, Map<String, Object> kafka,
                                               DeadLetterPublisher dlq, AlertsMetrics metrics, Clock clock,
                                               List<AutoCloseable> opened) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "agentdlp-alerts-sink-" + name.replace(':', '-'));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, d.startFrom());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        SinkWorker<T> w = new SinkWorker<>(d.sink(), consumer, topic, deserializer, d.filter(), idOf, component,
                d.retry(), dlq, metrics.sink(name, d.sink().type()), clock).start();
        opened.add(w);
        log.info("event=sink_configured sink={} type={} topic={}", name, d.sink().type(), topic);
        return w;
    }

    private static JwtVerifier oidc(AlertsConfig cfg, Clock clock) {
        if (!cfg.oidcEnabled()) {
            return null;
        }
        Settings s = cfg.settings();
        JwksKeys keys = s.get("alerts.auth.oidc.jwks-file").isPresent()
                ? JwksKeys.fromFile(Path.of(s.required("alerts.auth.oidc.jwks-file")), clock)
                : JwksKeys.fromUri(URI.create(s.get("alerts.auth.oidc.jwks-url").orElseThrow(() ->
                        new ConfigException("set alerts.auth.oidc.jwks-url or alerts.auth.oidc.jwks-file"))), clock);
        String defaultRole = s.string("alerts.auth.oidc.default-role", null);
        return new JwtVerifier(new JwtVerifier.OidcSettings(s.required("alerts.auth.oidc.issuer"),
                s.string("alerts.auth.oidc.audience", null), s.string("alerts.auth.oidc.username-claim", "preferred_username"),
                s.string("alerts.auth.oidc.roles-claim", "groups"), cfg.oidcRoleMapping(),
                defaultRole == null ? null : Role.parse(defaultRole),
                s.duration("alerts.auth.oidc.clock-skew", Duration.ofSeconds(60))), keys, clock);
    }

    private static Map<String, Object> producerProps(Map<String, Object> kafka, String purpose) {
        Map<String, Object> p = new HashMap<>(kafka);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "agentdlp-alerts-" + purpose);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return p;
    }

    /** Console base URL. */
    public String url() {
        return console.url();
    }

    public int port() {
        return console.port();
    }

    /** True once the view has caught up with the topics. */
    public boolean ready() {
        return feed.ready();
    }

    public AlertStore store() {
        return store;
    }

    public AlertsMetrics metrics() {
        return metrics;
    }

    /** True when the audit trail is disabled or its writer runs. */
    public boolean trailHealthy() {
        return trail == null || trail.healthy();
    }

    public List<SinkStatus> sinkStatuses() {
        return sinks.stream().map(SinkWorker::status).toList();
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        // Reverse order: the console stops taking requests before the producers it uses close.
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("event=close_failed resource={} error={}", resources.get(i).getClass().getSimpleName(),
                        e.getClass().getName());
            }
        }
    }
}
