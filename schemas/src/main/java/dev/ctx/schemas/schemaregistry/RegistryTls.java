package dev.ctx.schemas.schemaregistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;

/** Builds the {@link SSLContext} for HTTPS registries from truststore/keystore settings. */
final class RegistryTls {

    private RegistryTls() {}

    /**
     * Returns a context trusting the configured truststore and presenting the configured keystore, or empty when
     * neither is set (the JDK defaults then apply).
     */
    static Optional<SSLContext> sslContext(ConfigValues values) {
        Optional<String> trustLocation = values.string(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION);
        Optional<String> keyLocation = values.string(RegistryClientConfig.SSL_KEYSTORE_LOCATION);
        if (trustLocation.isEmpty() && keyLocation.isEmpty()) {
            return Optional.empty();
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(values, keyLocation), trustManagers(values, trustLocation), null);
            return Optional.of(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException("cannot build the schema registry TLS context: "
                    + e.getClass().getSimpleName());
        }
    }

    private static TrustManager[] trustManagers(ConfigValues values, Optional<String> location)
            throws GeneralSecurityException, IOException {
        if (location.isEmpty()) {
            return null;
        }
        KeyStore store = load(
                location.get(),
                values.string(RegistryClientConfig.SSL_TRUSTSTORE_TYPE).orElse("PKCS12"),
                values.secret(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(ConfigValues values, Optional<String> location)
            throws GeneralSecurityException, IOException {
        if (location.isEmpty()) {
            return null;
        }
        char[] storePassword = values.secret(RegistryClientConfig.SSL_KEYSTORE_PASSWORD);
        KeyStore store = load(
                location.get(),
                values.string(RegistryClientConfig.SSL_KEYSTORE_TYPE).orElse("PKCS12"),
                storePassword);
        char[] keyPassword =
                values.string(RegistryClientConfig.SSL_KEY_PASSWORD).isPresent()
                        ? values.secret(RegistryClientConfig.SSL_KEY_PASSWORD)
                        : storePassword;
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, keyPassword);
        return factory.getKeyManagers();
    }

    private static KeyStore load(String location, String type, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password);
        }
        return store;
    }
}
