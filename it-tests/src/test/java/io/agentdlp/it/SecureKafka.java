package io.agentdlp.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;


/**
 * A single KRaft node whose client listener speaks SASL_SSL with SCRAM-SHA-512 only, authorizing
 * with KRaft's StandardAuthorizer (no ACL means denied). The SCRAM credentials of every principal
 * are written at format time (as {@code kafka-storage format --add-scram} does), so no credential
 * ever travels over an unauthenticated connection; {@code admin} is the only super user on the
 * client listener and creates the ACLs. The controller listener is plaintext on loopback inside this
 * JVM, and its anonymous principal (the broker talking to its own controller) is a super user.
 */
final class SecureKafka implements AutoCloseable {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"%s\" password=\"%s\";";
    private final KafkaRaftServer server;
    private final int port;
    private final TestCertificates certs;
    private final Map<String, String> passwords;

    private SecureKafka(KafkaRaftServer server, int port, TestCertificates certs, Map<String, String> passwords) {
        this.server = server;
        this.port = port;
        this.certs = certs;
        this.passwords = passwords;
    }

    /** Starts the node with one SCRAM principal per name in {@code principals} plus {@code admin}. */
    static SecureKafka start(Path dir, List<String> principals) throws Exception {
        TestCertificates certs = TestCertificates.generate(dir);
        Map<String, String> passwords = new HashMap<>();
        passwords.put("admin", randomPassword());
        principals.forEach(p -> passwords.put(p, randomPassword()));
        int port = freePort();
        int controllerPort = freePort();
        Path logDir = dir.resolve("kraft");
        Files.createDirectories(logDir);
        new Formatter().setNodeId(1).setClusterId(Uuid.randomUuid().toString()).setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString()).addDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setScramArguments(passwords.entrySet().stream()
                        .map(e -> "SCRAM-SHA-512=[name=" + e.getKey() + ",password=" + e.getValue() + "]").toList())
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .run();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", JAAS.formatted("admin", passwords.get("admin")));
        p.put("ssl.keystore.location", certs.keyStore().toString());
        p.put("ssl.keystore.password", certs.password());
        p.put("ssl.key.password", certs.password());
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.truststore.location", certs.trustStore().toString());
        p.put("ssl.truststore.password", certs.password());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:admin;User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("log.dirs", logDir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(p), Time.SYSTEM);
        server.startup();
        return new SecureKafka(server, port, certs, passwords);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Grants {@code user} the given ACLs, as {@code admin} over SASL_SSL. */
    void grant(String user, List<Acl> acls) throws Exception {
        List<AclBinding> bindings = new ArrayList<>();
        for (Acl a : acls) {
            bindings.add(new AclBinding(new ResourcePattern(a.type(), a.name(), a.pattern()),
                    new AccessControlEntry("User:" + user, "*", a.operation(), AclPermissionType.ALLOW)));
        }
        try (Admin admin = Admin.create(clientConfig("admin"))) {
            admin.createAcls(bindings).all().get();
        }
    }

    /** Client settings (SASL_SSL, SCRAM-SHA-512, our truststore) authenticating as {@code user}. */
    Map<String, Object> clientConfig(String user) {
        Map<String, Object> c = new HashMap<>();
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        c.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        c.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        c.put(SaslConfigs.SASL_JAAS_CONFIG, JAAS.formatted(user, passwords.get(user)));
        c.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, certs.trustStore().toString());
        c.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, certs.password());
        c.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        c.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        return c;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** One ALLOW entry of a principal. */
    record Acl(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        static Acl topic(String name, AclOperation op) {
            return new Acl(ResourceType.TOPIC, name, PatternType.LITERAL, op);
        }

        static Acl topicPrefix(String prefix, AclOperation op) {
            return new Acl(ResourceType.TOPIC, prefix, PatternType.PREFIXED, op);
        }

        static Acl group(String name, PatternType pattern, AclOperation op) {
            return new Acl(ResourceType.GROUP, name, pattern, op);
        }

        static Acl transactionalIdPrefix(String prefix, AclOperation op) {
            return new Acl(ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, op);
        }

        static Acl cluster(AclOperation op) {
            return new Acl(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, op);
        }
    }
}
