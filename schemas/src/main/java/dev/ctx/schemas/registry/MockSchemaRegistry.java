package dev.ctx.schemas.registry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Named in-process registries behind {@code mock://<scope>} URLs, as in Confluent's serdes: every serde configured
 * with the same scope in one JVM shares one {@link InMemorySchemaRegistry}. Tests use a scope per test class (or per
 * test) and drop it afterwards.
 */
public final class MockSchemaRegistry {

    /** URL scheme prefix that selects a mock scope instead of HTTP. */
    public static final String URL_PREFIX = "mock://";

    private static final ConcurrentMap<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

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
        return url != null && url.trim().startsWith(URL_PREFIX);
    }

    /** Returns the scope name of a {@code mock://} URL. */
    public static String scopeOf(String url) {
        if (!isMockUrl(url)) {
            throw new IllegalArgumentException("not a mock:// URL");
        }
        return url.trim().substring(URL_PREFIX.length());
    }
}
