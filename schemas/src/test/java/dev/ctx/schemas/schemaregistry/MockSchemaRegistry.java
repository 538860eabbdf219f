package dev.ctx.schemas.schemaregistry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Test support: named in-process registries behind {@code mock://<scope>} URLs, as in Confluent's serdes. Every serde
 * configured with the same scope in one JVM shares one {@link InMemorySchemaRegistry}. Tests use a scope per test class
 * (or per test) and drop it afterwards. Shipped in the {@code ctx-schemas} test fixtures (through {@code ctx-testkit}),
 * never in a production artifact; {@link Provider} makes it the {@link InProcessSchemaRegistries} of the JVM.
 */
public final class MockSchemaRegistry {

    /** URL scheme prefix that selects a mock scope instead of HTTP. */
    public static final String URL_PREFIX = InProcessSchemaRegistries.URL_PREFIX;

    private static final ConcurrentMap<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {}

    /** Returns the registry of scope {@code name}, creating it empty on first use. */
    public static InMemorySchemaRegistry scope(String name) {
        return SCOPES.computeIfAbsent(name, n -> new InMemorySchemaRegistry());
    }

    /** Forgets scope {@code name}; the next {@link #scope} call with that name starts empty. */
    public static void dropScope(String name) {
        SCOPES.remove(name);
    }

    /** Tells whether {@code url} is a {@code mock://} URL. */
    public static boolean isMockUrl(String url) {
        return InProcessSchemaRegistries.isMockUrl(url);
    }

    /** Returns the scope name of a {@code mock://} URL. */
    public static String scopeOf(String url) {
        return InProcessSchemaRegistries.scopeOf(url);
    }

    /** The {@link java.util.ServiceLoader} entry (META-INF/services) through which serdes reach the scopes. */
    public static final class Provider implements InProcessSchemaRegistries {

        @Override
        public SchemaRegistryClient scope(String name) {
            return MockSchemaRegistry.scope(name);
        }
    }
}
