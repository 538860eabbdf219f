package dev.ctx.schemas.registry;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/** Builds the registry client a configuration asks for: a {@code mock://} scope or a cached HTTP client. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    /**
     * Returns the client for {@link RegistryClientConfig#SCHEMA_REGISTRY_URL}: the shared in-process registry of the
     * scope for {@code mock://<scope>}, otherwise an {@link HttpSchemaRegistryClient} behind a
     * {@link CachingSchemaRegistryClient}.
     *
     * @throws ConfigException if the settings are missing or invalid
     */
    public static SchemaRegistryClient fromConfig(Map<String, ?> config) {
        ConfigValues values = new ConfigValues(config);
        String url = values.string(RegistryClientConfig.SCHEMA_REGISTRY_URL)
                .orElseThrow(() -> new ConfigException(RegistryClientConfig.SCHEMA_REGISTRY_URL + " is required"));
        if (MockSchemaRegistry.isMockUrl(url)) {
            return mockScope(url);
        }
        RegistryClientConfig settings = RegistryClientConfig.from(values);
        return new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(settings), settings.cacheCapacity(),
                settings.latestVersionTtl());
    }

    private static SchemaRegistryClient mockScope(String url) {
        if (url.contains(",")) {
            throw new ConfigException(RegistryClientConfig.SCHEMA_REGISTRY_URL + " may hold only one mock:// URL");
        }
        return MockSchemaRegistry.scope(MockSchemaRegistry.scopeOf(url));
    }
}
