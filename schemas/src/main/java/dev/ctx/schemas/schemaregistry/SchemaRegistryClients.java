package dev.ctx.schemas.schemaregistry;

import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the registry client a configuration asks for: a {@code mock://} scope (only where test support provides
 * {@link InProcessSchemaRegistries}) or a cached HTTP client.
 */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {}

    /**
     * Returns the client for {@link RegistryClientConfig#SCHEMA_REGISTRY_URL}: the shared in-process registry of the
     * scope for {@code mock://<scope>} (from the {@link InProcessSchemaRegistries} on the classpath), otherwise an
     * {@link HttpSchemaRegistryClient} behind a {@link CachingSchemaRegistryClient}.
     *
     * @throws ConfigException if the settings are missing or invalid, or name {@code mock://} where no test support
     *     provides in-process registries (the production artifacts)
     */
    public static SchemaRegistryClient fromConfig(Map<String, ?> config) {
        ConfigValues values = new ConfigValues(config);
        String url = values.string(RegistryClientConfig.SCHEMA_REGISTRY_URL)
                .orElseThrow(() -> new ConfigException(RegistryClientConfig.SCHEMA_REGISTRY_URL + " is required"));
        if (InProcessSchemaRegistries.isMockUrl(url)) {
            return mockScope(url);
        }
        RegistryClientConfig settings = RegistryClientConfig.from(values);
        return new CachingSchemaRegistryClient(
                new HttpSchemaRegistryClient(settings), settings.cacheCapacity(), settings.latestVersionTtl());
    }

    private static SchemaRegistryClient mockScope(String url) {
        if (url.contains(",")) {
            throw new ConfigException(RegistryClientConfig.SCHEMA_REGISTRY_URL + " may hold only one mock:// URL");
        }
        InProcessSchemaRegistries registries = ServiceLoader.load(InProcessSchemaRegistries.class)
                .findFirst()
                .orElseThrow(() -> new ConfigException(RegistryClientConfig.SCHEMA_REGISTRY_URL + " is a mock:// URL,"
                        + " but in-process registries are test support (ctx-testkit) that this classpath does not hold;"
                        + " set the http(s):// URL of a schema registry"));
        return registries.scope(InProcessSchemaRegistries.scopeOf(url));
    }
}
