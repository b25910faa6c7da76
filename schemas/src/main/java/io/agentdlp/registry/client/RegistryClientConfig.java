package io.agentdlp.registry.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of {@link HttpSchemaRegistryClient}: the registry URLs (tried in order, failing over),
 * credentials, TLS, timeouts, retries and cache sizes. {@link #fromProperties} reads Confluent's
 * client configuration keys, so a producer or consumer property file written for Confluent's
 * serializer works unchanged.
 *
 * @param urls            base URLs without user info, e.g. {@code http://localhost:8081} or
 *                        {@code https://apicurio:8443/apis/ccompat/v7}
 * @param credentials     basic credentials, if any
 * @param sslContext      TLS context for {@code https} URLs; empty means the JDK default trust store
 * @param connectTimeout  TCP/TLS connect timeout
 * @param requestTimeout  time to wait for an answer to one request
 * @param retry           retry policy for connection errors, 408, 429 and 5xx answers
 * @param cacheCapacity   capacity of each of the client's caches (id→schema, schema→id, versions)
 * @param latestTtl       how long a cached "latest version" answer is reused; empty = for the
 *                        client's lifetime, {@link Duration#ZERO} = never cached
 */
public record RegistryClientConfig(List<URI> urls, Optional<BasicCredentials> credentials, Optional<SSLContext> sslContext,
                                   Duration connectTimeout, Duration requestTimeout, RetryBackoff retry,
                                   int cacheCapacity, Optional<Duration> latestTtl) {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
    /** Older Confluent name of {@link #BASIC_AUTH_USER_INFO_CONFIG}, still accepted. */
    public static final String SCHEMA_REGISTRY_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    public static final String SSL_TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION_CONFIG = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD_CONFIG = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE_CONFIG = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD_CONFIG = "schema.registry.ssl.key.password";
    public static final String MAX_RETRIES_CONFIG = "max.retries";
    public static final String RETRIES_WAIT_MS_CONFIG = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS_CONFIG = "retries.max.wait.ms";
    public static final String CONNECT_TIMEOUT_MS_CONFIG = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS_CONFIG = "http.read.timeout.ms";
    public static final String CACHE_CAPACITY_CONFIG = "schema.registry.cache.capacity";
    public static final String LATEST_CACHE_TTL_SEC_CONFIG = "latest.cache.ttl.sec";

    /** Where basic credentials come from ({@value #BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG}). */
    public enum CredentialsSource {
        /** From {@value #BASIC_AUTH_USER_INFO_CONFIG} ({@code user:password}). */
        USER_INFO,
        /** From the user info of the URL, {@code http://user:password@host:8081}. */
        URL
    }

    /** The client keys, their types, defaults and documentation. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(URL_CONFIG, Type.LIST, null, Importance.HIGH,
                    "Comma-separated registry base URLs, tried in order with failover; mock://<scope> for an in-JVM registry.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG, Type.STRING, CredentialsSource.URL.name(),
                    ConfigDef.CaseInsensitiveValidString.in("USER_INFO", "URL"), Importance.MEDIUM,
                    "USER_INFO: credentials from basic.auth.user.info; URL: from the URL's user info.")
            .define(BASIC_AUTH_USER_INFO_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                    "Basic credentials user:password, used when the source is USER_INFO.")
            .define(SCHEMA_REGISTRY_USER_INFO_CONFIG, Type.PASSWORD, null, Importance.LOW,
                    "Older name of basic.auth.user.info.")
            .define(SSL_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, null, Importance.MEDIUM,
                    "Trust store file for https registry URLs; unset uses the JDK's default trust.")
            .define(SSL_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, "Trust store password.")
            .define(SSL_TRUSTSTORE_TYPE_CONFIG, Type.STRING, "JKS", Importance.LOW, "Trust store type: JKS or PKCS12.")
            .define(SSL_KEYSTORE_LOCATION_CONFIG, Type.STRING, null, Importance.MEDIUM,
                    "Key store with the client certificate for mutual TLS.")
            .define(SSL_KEYSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, "Key store password.")
            .define(SSL_KEYSTORE_TYPE_CONFIG, Type.STRING, "JKS", Importance.LOW, "Key store type: JKS or PKCS12.")
            .define(SSL_KEY_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW,
                    "Password of the private key; defaults to the key store password.")
            .define(MAX_RETRIES_CONFIG, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Retries after a connection error, timeout, 408, 429 or 5xx answer; each retry tries every URL.")
            .define(RETRIES_WAIT_MS_CONFIG, Type.INT, 1000, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Wait before the first retry; doubles on each further retry.")
            .define(RETRIES_MAX_WAIT_MS_CONFIG, Type.INT, 20000, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Upper bound of the wait between retries.")
            .define(CONNECT_TIMEOUT_MS_CONFIG, Type.INT, 60000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Connect timeout of one registry request.")
            .define(READ_TIMEOUT_MS_CONFIG, Type.INT, 60000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Time to wait for the answer to one registry request.")
            .define(CACHE_CAPACITY_CONFIG, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Capacity of each client cache (id to schema, subject+schema to id, subject+version).")
            .define(LATEST_CACHE_TTL_SEC_CONFIG, Type.LONG, -1L, Importance.LOW,
                    "Seconds a latest-version answer is reused; -1 for the client's lifetime, 0 to never cache.");

    public RegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException(URL_CONFIG, "", "at least one registry URL is required");
        }
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(latestTtl, "latestTtl");
        if (cacheCapacity < 1) {
            throw new ConfigException(CACHE_CAPACITY_CONFIG, cacheCapacity, "must be >= 1");
        }
    }

    /** Defaults for the given URLs: no credentials, JDK trust, Confluent's default timeouts and retries. */
    public static RegistryClientConfig of(List<URI> urls) {
        return fromProperties(Map.of(URL_CONFIG, String.join(",", urls.stream().map(URI::toString).toList())));
    }

    /**
     * Reads Confluent's client keys from {@code props}; unknown keys are ignored so a whole
     * producer or consumer configuration can be passed.
     *
     * @throws ConfigException when a value is invalid, a URL is missing or malformed, or a key store cannot be read
     */
    public static RegistryClientConfig fromProperties(Map<String, ?> props) {
        AbstractConfig c = new AbstractConfig(CONFIG_DEF, props, false);
        List<String> rawUrls = c.getList(URL_CONFIG);
        if (rawUrls == null || rawUrls.isEmpty()) {
            throw new ConfigException(URL_CONFIG, null, "a registry URL is required");
        }
        List<URI> withUserInfo = new ArrayList<>();
        for (String raw : rawUrls) {
            withUserInfo.add(parseUrl(raw));
        }
        Optional<BasicCredentials> credentials = credentials(c, withUserInfo);
        List<URI> urls = withUserInfo.stream().map(RegistryClientConfig::withoutUserInfo).toList();
        boolean tls = urls.stream().anyMatch(u -> "https".equalsIgnoreCase(u.getScheme()));
        Optional<SSLContext> ssl = tls ? RegistryTls.fromConfig(c) : Optional.empty();
        long ttlSec = c.getLong(LATEST_CACHE_TTL_SEC_CONFIG);
        return new RegistryClientConfig(urls, credentials, ssl,
                Duration.ofMillis(c.getInt(CONNECT_TIMEOUT_MS_CONFIG)),
                Duration.ofMillis(c.getInt(READ_TIMEOUT_MS_CONFIG)),
                new RetryBackoff(c.getInt(MAX_RETRIES_CONFIG), Duration.ofMillis(c.getInt(RETRIES_WAIT_MS_CONFIG)),
                        Duration.ofMillis(c.getInt(RETRIES_MAX_WAIT_MS_CONFIG))),
                c.getInt(CACHE_CAPACITY_CONFIG),
                ttlSec < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(ttlSec)));
    }

    @Override
    public String toString() {
        return "RegistryClientConfig[urls=" + urls + ", credentials=" + credentials.map(BasicCredentials::toString).orElse("none")
                + ", tls=" + sslContext.isPresent() + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", retry=" + retry + ", cacheCapacity=" + cacheCapacity + ", latestTtl=" + latestTtl + "]";
    }

    private static URI parseUrl(String raw) {
        String trimmed = raw.trim();
        try {
            URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new ConfigException(URL_CONFIG, withoutUserInfoText(trimmed), "expected http://host:port or https://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(URL_CONFIG, withoutUserInfoText(trimmed), "not a valid URL: " + e.getReason());
        }
    }

    private static Optional<BasicCredentials> credentials(AbstractConfig c, List<URI> urls) {
        CredentialsSource source = CredentialsSource.valueOf(c.getString(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG).toUpperCase(java.util.Locale.ROOT));
        if (source == CredentialsSource.USER_INFO) {
            Password info = c.getPassword(BASIC_AUTH_USER_INFO_CONFIG);
            if (info == null) {
                info = c.getPassword(SCHEMA_REGISTRY_USER_INFO_CONFIG);
            }
            if (info == null || info.value().isEmpty()) {
                throw new ConfigException(BASIC_AUTH_USER_INFO_CONFIG, null,
                        "required (user:password) when " + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + "=USER_INFO");
            }
            return Optional.of(BasicCredentials.parse(info.value()));
        }
        return urls.stream().map(URI::getRawUserInfo).filter(Objects::nonNull)
                .map(ui -> BasicCredentials.parse(java.net.URLDecoder.decode(ui, java.nio.charset.StandardCharsets.UTF_8)))
                .findFirst();
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException(URL_CONFIG, uri.getHost(), "cannot remove the user info: " + e.getReason());
        }
    }

    /** Best effort removal of {@code user:password@} from an unparseable URL before it goes into a message. */
    private static String withoutUserInfoText(String url) {
        int at = url.lastIndexOf('@');
        int scheme = url.indexOf("://");
        return at > 0 && scheme >= 0 && at > scheme ? url.substring(0, scheme + 3) + "***@" + url.substring(at + 1) : url;
    }
}
