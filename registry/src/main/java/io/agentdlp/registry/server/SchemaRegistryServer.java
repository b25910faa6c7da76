package io.agentdlp.registry.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible schema registry (REST API v1, Avro) whose only state is the compacted
 * schemas topic: any number of instances on one topic serve the same ids, and a restarted instance
 * serves what it served before.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryServerConfig.builder("localhost:9092").build())) {
 *     String url = registry.url();   // http://127.0.0.1:8081, for schema.registry.url
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int QUEUED_REQUESTS = 256;

    private final SchemasTopic topic;
    private final HttpServer http;
    private final ThreadPoolExecutor executor;
    private final String url;
    private boolean closed;

    private SchemaRegistryServer(SchemasTopic topic, HttpServer http, ThreadPoolExecutor executor, String url) {
        this.topic = topic;
        this.http = http;
        this.executor = executor;
        this.url = url;
    }

    /**
     * Creates the schemas topic if missing, reads it to its end, then serves HTTP.
     *
     * @throws RegistryStartupException when Kafka, the topic, the port, the key store or the users file is unusable
     */
    public static SchemaRegistryServer start(RegistryServerConfig config) {
        // Without it, each keep-alive request on Linux loopback waits ~45 ms for delayed ACKs.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        long t0 = System.nanoTime();
        BasicAuthUsers users = loadUsers(config);
        SSLContext tls = config.tlsKeyStore() == null ? null : sslContext(config);
        RegistryState state = new RegistryState();
        SchemasTopic topic = SchemasTopic.open(config, state);
        ThreadPoolExecutor executor = executor(config.httpThreads());
        try {
            SchemaRegistry registry = new SchemaRegistry(state, topic, config.defaultCompatibility(), config.writeTimeout());
            InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
            HttpServer http;
            if (tls == null) {
                http = HttpServer.create(address, 0);
            } else {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                http = https;
            }
            http.setExecutor(executor);
            http.createContext("/", new RegistryHttpHandler(new RegistryApi(registry).routes(), users, config.maxRequestBytes()));
            http.start();
            int port = http.getAddress().getPort();
            String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
            String url = (tls == null ? "http://" : "https://") + host + ":" + port;
            log.info("event=registry_started url={} bind={} topic={} basicAuth={} tls={} ms={}", url, config.host(), topic.topic(),
                    users != null, tls != null, (System.nanoTime() - t0) / 1_000_000);
            return new SchemaRegistryServer(topic, http, executor, url);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            topic.close();
            throw new RegistryStartupException("cannot serve HTTP on " + config.host() + ":" + config.port() + ": " + e, e);
        }
    }

    private static BasicAuthUsers loadUsers(RegistryServerConfig config) {
        if (!config.basicAuthEnabled()) {
            return null;
        }
        BasicAuthUsers users;
        try {
            users = BasicAuthUsers.parse(config.basicAuthUsers(), config.passwordIterations());
        } catch (IllegalArgumentException e) {
            throw new RegistryStartupException(RegistryServerConfig.BASIC_AUTH_USERS + ": " + e.getMessage(), e);
        }
        if (config.basicAuthUsersFile() != null) {
            users = BasicAuthUsers.merge(users, BasicAuthUsers.load(config.basicAuthUsersFile(), config.passwordIterations()),
                    config.passwordIterations());
        }
        if (users.size() == 0) {
            throw new RegistryStartupException("basic auth is configured but names no user");
        }
        return users;
    }

    private static SSLContext sslContext(RegistryServerConfig config) {
        char[] password = config.tlsKeyStorePassword() == null ? new char[0] : config.tlsKeyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(config.tlsKeyStore())) {
            KeyStore store = KeyStore.getInstance(config.tlsKeyStoreType());
            store.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new RegistryStartupException("cannot load TLS key store " + config.tlsKeyStore() + ": " + e.getMessage(), e);
        }
    }

    private static ThreadPoolExecutor executor(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "agentdlp-registry-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Bounded queue; when it is full the accepting thread runs the request itself, which slows intake.
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED_REQUESTS),
                factory, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Base URL for clients, e.g. {@code http://127.0.0.1:8081} (loopback when bound to all interfaces). */
    public String url() {
        return url;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Stops serving, then stops reading and writing the topic. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        topic.close();
        log.info("event=registry_stopped url={}", url);
    }
}
