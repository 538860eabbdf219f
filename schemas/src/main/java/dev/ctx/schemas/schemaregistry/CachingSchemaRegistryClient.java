package dev.ctx.schemas.schemaregistry;

import java.time.Duration;

import org.apache.avro.Schema;

/**
 * Decorates a {@link SchemaRegistryClient} with bounded LRU caches: id to schema (ids are immutable, so entries never
 * go stale), subject and schema to id, and each subject's latest version for a configurable time. Compatibility
 * checks are never cached. Failures are not cached.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final BoundedLruCache<Integer, Schema> schemasById;
    private final BoundedLruCache<SubjectSchema, Integer> idsBySubjectSchema;
    private final BoundedLruCache<String, Expiring<RegisteredSchema>> latestBySubject;
    private final Duration latestTtl;

    /**
     * Creates the decorator.
     *
     * @param delegate the client that answers misses
     * @param capacity capacity of each cache
     * @param latestTtl how long a latest version is reused; negative means forever, zero never
     */
    public CachingSchemaRegistryClient(SchemaRegistryClient delegate, int capacity, Duration latestTtl) {
        this.delegate = delegate;
        this.schemasById = new BoundedLruCache<>(capacity);
        this.idsBySubjectSchema = new BoundedLruCache<>(capacity);
        this.latestBySubject = new BoundedLruCache<>(capacity);
        this.latestTtl = latestTtl;
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectSchema.get(
                new SubjectSchema(subject, schema.toString()),
                key -> remember(delegate.register(subject, schema), schema));
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idsBySubjectSchema.get(
                new SubjectSchema(subject, schema.toString()),
                key -> remember(delegate.getId(subject, schema), schema));
    }

    @Override
    public Schema getSchemaById(int id) {
        return schemasById.get(id, delegate::getSchemaById);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        if (latestTtl.isZero()) {
            return delegate.getLatestVersion(subject);
        }
        Expiring<RegisteredSchema> cached = latestBySubject.peek(subject);
        if (cached != null && !cached.expired()) {
            return cached.value();
        }
        RegisteredSchema latest = delegate.getLatestVersion(subject);
        latestBySubject.put(subject, new Expiring<>(latest, latestTtl));
        return latest;
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return delegate.testCompatibility(subject, schema);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private int remember(int id, Schema schema) {
        schemasById.put(id, schema);
        return id;
    }

    private record SubjectSchema(String subject, String schemaText) {}

    private record Expiring<V>(V value, long expiresAtNanos) {
        Expiring(V value, Duration ttl) {
            this(value, ttl.isNegative() ? Long.MAX_VALUE : System.nanoTime() + ttl.toNanos());
        }

        boolean expired() {
            return expiresAtNanos != Long.MAX_VALUE && System.nanoTime() - expiresAtNanos > 0;
        }
    }
}
