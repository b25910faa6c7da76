package io.agentdlp.registry.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Builds the TLS context of the registry client from the {@code schema.registry.ssl.*} keys. */
final class RegistryTls {
    private RegistryTls() {
    }

    /** Empty when neither a trust store nor a key store is configured (JDK default trust). */
    static Optional<SSLContext> fromConfig(AbstractConfig c) {
        String trustLocation = c.getString(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG);
        String keyLocation = c.getString(RegistryClientConfig.SSL_KEYSTORE_LOCATION_CONFIG);
        if (isBlank(trustLocation) && isBlank(keyLocation)) {
            return Optional.empty();
        }
        try {
            TrustManagerFactory tmf = null;
            if (!isBlank(trustLocation)) {
                KeyStore trust = load(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, trustLocation,
                        c.getString(RegistryClientConfig.SSL_TRUSTSTORE_TYPE_CONFIG),
                        chars(c.getPassword(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG)));
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (!isBlank(keyLocation)) {
                char[] storePassword = chars(c.getPassword(RegistryClientConfig.SSL_KEYSTORE_PASSWORD_CONFIG));
                KeyStore keys = load(RegistryClientConfig.SSL_KEYSTORE_LOCATION_CONFIG, keyLocation,
                        c.getString(RegistryClientConfig.SSL_KEYSTORE_TYPE_CONFIG), storePassword);
                char[] keyPassword = chars(c.getPassword(RegistryClientConfig.SSL_KEY_PASSWORD_CONFIG));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, keyPassword != null ? keyPassword : storePassword);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return Optional.of(ctx);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot build the registry TLS context: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static KeyStore load(String key, String location, String type, char[] password) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new ConfigException(key, location, "cannot read " + type + " store: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static char[] chars(Password p) {
        return p == null ? null : p.value().toCharArray();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
