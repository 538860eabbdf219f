package dev.ctx.schemas.schemaregistry;

/**
 * The in-process registries behind {@code mock://<scope>} URLs, as in Confluent's serdes. Test support provides the
 * one implementation ({@code MockSchemaRegistry}, shipped with {@code ctx-testkit}) through
 * {@link java.util.ServiceLoader}; the production artifacts ship none, so there a {@code mock://} URL is a
 * configuration error.
 */
public interface InProcessSchemaRegistries {

    /** URL scheme prefix that selects an in-process scope instead of HTTP. */
    String URL_PREFIX = "mock://";

    /** Returns the registry of scope {@code name}, shared by every caller in this JVM, creating it on first use. */
    SchemaRegistryClient scope(String name);

    /** Tells whether {@code url} is a {@code mock://} URL. */
    static boolean isMockUrl(String url) {
        return url != null && url.trim().startsWith(URL_PREFIX);
    }

    /** Returns the scope name of a {@code mock://} URL. */
    static String scopeOf(String url) {
        if (!isMockUrl(url)) {
            throw new IllegalArgumentException("not a mock:// URL");
        }
        return url.trim().substring(URL_PREFIX.length());
    }
}
