package io.agentdlp.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.delivery.FsyncPolicy;
import io.agentdlp.ingest.delivery.GatewayEventPublisher;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.delivery.Spool;
import io.agentdlp.ingest.delivery.SpoolConfig;
import io.agentdlp.ingest.delivery.SpoolingPublisher;
import io.agentdlp.ingest.delivery.SpoolStats;
import io.agentdlp.ingest.http.TlsContexts;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.GitRepoLookup;
import io.agentdlp.ingest.normalize.HookAgent;
import io.agentdlp.ingest.sensor.SensorConfig;
import io.agentdlp.ingest.sensor.SensorDaemon;
import io.agentdlp.ingest.sensor.SensorIdentity;
import io.agentdlp.ingest.sensor.SeverityModes;
import io.agentdlp.ingest.policy.PolicySettings;
import io.agentdlp.ingest.sensor.install.AgentInstaller;
import io.agentdlp.ingest.sensor.install.InstallContext;
import io.agentdlp.ingest.sensor.install.InstallException;
import io.agentdlp.ingest.sensor.install.InstallReport;
import io.agentdlp.ingest.sensor.install.ShimFiles;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code agentdlp sensor}: the developer-machine sensor daemon ({@code run}, the default), agent
 * wiring ({@code install}, {@code uninstall}), {@code status}, and a Java hook forwarder ({@code hook})
 * for machines without curl.
 */
@Command(name = "sensor", mixinStandardHelpOptions = true,
        description = {"Run the developer-machine sensor: agent hooks on 127.0.0.1:7788, a local OTLP/HTTP logs receiver "
                + "on 127.0.0.1:4318, inline allow/deny decisions (detectors and the access policy), and delivery to Kafka or "
                + "the gateway through a durable spool. With --gateway the access policy comes from the gateway and is cached "
                + "on disk; see docs/policy.md.",
                "Without a subcommand it runs the daemon. See docs/ingest.md."})
final class SensorCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:AGENTDLP_SENSOR_DIR}",
            description = "Identity, token, shims and spool (default ~/.agentdlp/sensor).")
    Path dataDir;

    @Option(names = "--hook-port", defaultValue = "7788", description = "Hook port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int hookPort;

    @Option(names = "--otlp-port", defaultValue = "4318", description = "OTLP/HTTP logs port on 127.0.0.1; -1 disables (default ${DEFAULT-VALUE}).")
    int otlpPort;

    @Option(names = "--otlp-require-token", description = "Require the install token header on OTLP requests too.")
    boolean otlpRequireToken;

    @Option(names = "--kafka-bootstrap", description = "Deliver straight to Kafka (idempotent producer, acks=all).")
    String kafkaBootstrap;

    @Option(names = "--schema-registry", defaultValue = "${env:AGENTDLP_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry for Kafka delivery (default ${DEFAULT-VALUE}).")
    String schemaRegistry;

    @Option(names = "--topic", defaultValue = "agent-egress-events", description = "Egress topic (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "Extra producer setting (security.protocol, sasl.*, ssl.*); repeatable.")
    Map<String, String> kafkaProperties = new HashMap<>();

    @Option(names = "--gateway", description = "Deliver to the ingest gateway at this URL instead of Kafka.")
    URI gateway;

    @Option(names = "--gateway-token-file", description = "File holding this sensor's gateway bearer token.")
    Path gatewayTokenFile;

    @Option(names = "--gateway-truststore", description = "PKCS#12 trust store with the gateway's CA (default: the JVM's CAs).")
    Path gatewayTrustStore;

    @Option(names = "--gateway-keystore", description = "PKCS#12 key store with this sensor's client certificate (mTLS).")
    Path gatewayKeyStore;

    @Option(names = "--tls-password-env", defaultValue = "AGENTDLP_TLS_PASSWORD",
            description = "Environment variable holding the key/trust store password (default ${DEFAULT-VALUE}).")
    String tlsPasswordEnv;

    @Option(names = "--spool-max-bytes", defaultValue = "1073741824", description = "Spool disk bound in bytes (default 1 GiB).")
    long spoolMaxBytes;

    @Option(names = "--spool-segment-bytes", defaultValue = "16777216", description = "Spool segment size (default 16 MiB).")
    long spoolSegmentBytes;

    @Option(names = "--fsync", defaultValue = "always", description = "Spool fsync policy: always, never, or an interval like 200ms (default ${DEFAULT-VALUE}).")
    String fsync;

    @Option(names = "--when-full", defaultValue = "reject-new", description = "Full spool: reject-new or drop-oldest (default ${DEFAULT-VALUE}).")
    String whenFull;

    @Option(names = "--retry-min-ms", defaultValue = "200",
            description = "First delay before re-sending spooled events after a failed delivery (default ${DEFAULT-VALUE}).")
    long retryMinMs;

    @Option(names = "--retry-max-ms", defaultValue = "5000",
            description = "Longest delay between delivery attempts while the upstream is down; the backlog starts draining "
                    + "at most this long after the upstream is back (default ${DEFAULT-VALUE}).")
    long retryMaxMs;

    @Option(names = "--privacy-mode", description = "Raw content never leaves the machine: sizes, hashes, fingerprints and redacted findings only.")
    boolean privacyMode;

    @Option(names = "--modes", defaultValue = "CRITICAL=enforce,HIGH=enforce,MEDIUM=warn,LOW=monitor,INFO=monitor",
            description = "Enforcement per severity (default ${DEFAULT-VALUE}).")
    String modes;

    @Option(names = "--verdict-url", description = "Central verdict service, e.g. http://topology:8082/v1/verdict.")
    URI verdictUrl;

    @Option(names = "--verdict-timeout-ms", defaultValue = "15", description = "Budget for the verdict service (default ${DEFAULT-VALUE}).")
    long verdictTimeoutMs;

    @Option(names = "--fail-closed", description = "Deny blockable actions when the verdict service fails (default: fail open).")
    boolean failClosed;

    @Option(names = "--hash-key-file", description = "Deployment keyed-hash key (so findings correlate across machines).")
    Path hashKeyFile;

    @Option(names = "--user-email", defaultValue = "${env:AGENTDLP_USER_EMAIL}", description = "E-mail stamped on events whose source has none.")
    String userEmail;

    @Option(names = "--policy-file", description = "Enforce this local policy file (YAML/JSON, docs/policy.md) instead of the gateway's.")
    Path policyFile;

    @Option(names = "--policy-id", defaultValue = "default", description = "Policy document to enforce (default ${DEFAULT-VALUE}).")
    String policyId;

    @Option(names = "--policy-poll-ms", defaultValue = "2000",
            description = "How often the gateway is asked for a new policy version (default ${DEFAULT-VALUE}).")
    long policyPollMs;

    @Option(names = "--ask-fallback", defaultValue = "deny",
            description = "What a policy's 'ask' becomes where the agent cannot ask the user: deny or warn (default ${DEFAULT-VALUE}).")
    String askFallback;

    Path dataDir() {
        return dataDir != null ? dataDir : SensorConfig.defaultDataDir();
    }

    @Override
    public Integer call() throws Exception {
        SensorConfig config = config();
        EventPublisher upstream;
        String name;
        if (gateway != null) {
            if (gatewayTokenFile == null) {
                throw new IllegalArgumentException("--gateway needs --gateway-token-file");
            }
            char[] pw = password();
            var ssl = gatewayTrustStore == null && gatewayKeyStore == null ? null
                    : TlsContexts.create(gatewayKeyStore, pw, gatewayTrustStore, pw);
            String gatewayToken = Files.readString(gatewayTokenFile).trim();
            upstream = new GatewayEventPublisher(gateway, gatewayToken, ssl, Duration.ofSeconds(30));
            name = "gateway:" + gateway.getHost() + ":" + gateway.getPort();
            if (policyFile == null) {
                config = config.withPolicy(config.policy().withGateway(gateway, gatewayToken, ssl, Duration.ofMillis(policyPollMs)));
            }
        } else {
            if (kafkaBootstrap == null) {
                throw new IllegalArgumentException("choose an upstream: --kafka-bootstrap <servers> or --gateway <url>");
            }
            Map<String, Object> p = new HashMap<>(kafkaProperties);
            p.put("bootstrap.servers", kafkaBootstrap);
            TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", schemaRegistry));
            upstream = KafkaEventPublisher.create(p, serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), topic);
            name = "kafka:" + kafkaBootstrap;
        }
        try (SensorDaemon daemon = SensorDaemon.start(config, upstream, name, GitRepoLookup.standard(), Clock.systemUTC())) {
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "agentdlp-sensor-shutdown"));
            System.out.println("agentdlp sensor is up: hooks on " + daemon.hookAddress() + ", OTLP on "
                    + (daemon.otlpAddress() == null ? "(disabled)" : daemon.otlpAddress()) + ", delivering to " + name);
            stop.await();
        }
        return 0;
    }

    private char[] password() {
        String v = System.getenv(tlsPasswordEnv);
        return v == null ? new char[0] : v.toCharArray();
    }

    SensorConfig config() throws IOException {
        Path dir = dataDir();
        SpoolConfig spool = new SpoolConfig(dir.resolve("spool"), spoolSegmentBytes, spoolMaxBytes, FsyncPolicy.parse(fsync),
                switch (whenFull) {
                    case "reject-new" -> SpoolConfig.WhenFull.REJECT_NEW;
                    case "drop-oldest" -> SpoolConfig.WhenFull.DROP_OLDEST;
                    default -> throw new IllegalArgumentException("--when-full must be reject-new or drop-oldest");
                });
        String hashKey = hashKeyFile == null ? null : Files.readString(hashKeyFile).trim();
        PolicySettings.AskFallback fallback = switch (askFallback) {
            case "deny" -> PolicySettings.AskFallback.DENY;
            case "warn" -> PolicySettings.AskFallback.WARN;
            default -> throw new IllegalArgumentException("--ask-fallback must be deny or warn");
        };
        PolicySettings policy = new PolicySettings(policyFile, null, null, null, policyId, Duration.ofMillis(policyPollMs), fallback);
        return new SensorConfig(dir, "127.0.0.1", hookPort, "127.0.0.1", otlpPort, otlpRequireToken, spool, privacyMode,
                SeverityModes.parse(modes), verdictUrl, Duration.ofMillis(verdictTimeoutMs), failClosed, 16L << 20, 16L << 20,
                ContentFactory.DEFAULT_MAX_TEXT_CHARS, hashKey, userEmail, policy,
                SpoolingPublisher.Options.defaults().withBackoff(Duration.ofMillis(retryMinMs), Duration.ofMillis(retryMaxMs)));
    }

    @Command(name = "run", description = "Run the sensor daemon (the default).")
    int run() throws Exception {
        return call();
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Write the hook and telemetry configuration into an agent's settings (idempotent, with a backup).")
    int install(@Option(names = "--agent", required = true, description = "claude-code, codex, gemini, cursor or copilot") String agent,
                @Option(names = "--managed", description = "Write the managed/enterprise settings (needs administrator rights).") boolean managed,
                @Option(names = "--repo", description = "Repository for repository-scoped hooks (Copilot; default: current directory).") Path repo)
            throws IOException, InstallException {
        SensorIdentity id = SensorIdentity.loadOrCreate(dataDir());
        ShimFiles.write(dataDir());
        InstallReport r = AgentInstaller.of(HookAgent.parse(agent)).install(context(id, managed, repo));
        print("installed", r);
        return 0;
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Undo install: restore the backup, or remove only agentdlp's entries.")
    int uninstall(@Option(names = "--agent", required = true, description = "claude-code, codex, gemini, cursor or copilot") String agent,
                  @Option(names = "--managed", description = "Undo a managed install.") boolean managed,
                  @Option(names = "--repo", description = "Repository of a Copilot install.") Path repo) throws IOException, InstallException {
        SensorIdentity id = SensorIdentity.loadOrCreate(dataDir());
        print("uninstalled", AgentInstaller.of(HookAgent.parse(agent)).uninstall(context(id, managed, repo)));
        return 0;
    }

    private InstallContext context(SensorIdentity id, boolean managed, Path repo) {
        return new InstallContext(dataDir().toAbsolutePath(), Path.of(System.getProperty("user.home")), hookPort, otlpPort,
                id.token(), managed, repo, AgentInstaller.currentOs());
    }

    private static void print(String verb, InstallReport r) {
        System.out.println(verb + " agentdlp for " + r.agent() + ":");
        r.changed().forEach(c -> System.out.println("  " + c));
        r.notes().forEach(n -> System.out.println("  note: " + n));
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show connectivity, spool depth and the last events.")
    int status() throws IOException, InterruptedException {
        SensorIdentity id = SensorIdentity.loadOrCreate(dataDir());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hookPort + "/status"))
                    .header(SensorConfig.TOKEN_HEADER, id.token()).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(r.body());
            return r.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            System.out.println("{\"running\":false,\"device_id\":\"" + id.deviceId() + "\"}");
            Path spoolDir = dataDir().resolve("spool");
            if (Files.isDirectory(spoolDir)) {
                try (Spool s = Spool.open(SpoolConfig.defaults(spoolDir))) {
                    SpoolStats st = s.stats();
                    System.out.println("spool: " + st.pendingRecords() + " events waiting, " + st.bytesOnDisk() + " bytes in "
                            + st.segments() + " segment(s)");
                }
            }
            return 3;
        }
    }

    @Command(name = "hook", mixinStandardHelpOptions = true,
            description = {"Forward one hook's stdin JSON to the running sensor and print its answer (a JVM per call: "
                    + "prefer the shell shim in <data-dir>/bin for agents' command hooks)."})
    int hook(@Parameters(index = "0", description = "agent") String agent,
             @Parameters(index = "1", arity = "0..1", description = "event name (Copilot), or notify (Codex)") String event,
             @Parameters(index = "2", arity = "0..1", description = "payload instead of stdin (Codex notify)") String payload,
             @Option(names = "--fail-closed", description = "Exit 2 (block) when the sensor does not answer.") boolean closed)
            throws IOException, InterruptedException {
        SensorIdentity id = SensorIdentity.loadOrCreate(dataDir());
        byte[] body = payload != null ? payload.getBytes(StandardCharsets.UTF_8) : System.in.readAllBytes();
        String url = "http://127.0.0.1:" + hookPort + "/hook/" + HookAgent.parse(agent).id() + (event == null ? "" : "?event=" + event);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header(SensorConfig.TOKEN_HEADER, id.token()).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                System.out.println(r.body());
                return 0;
            }
        } catch (IOException e) {
            System.err.println("agentdlp: sensor unreachable (" + e.getClass().getSimpleName() + ")");
        }
        if (closed) {
            System.err.println("agentdlp: the DLP sensor is not answering and this machine is configured to fail closed");
            return 2;
        }
        return 0;
    }
}
