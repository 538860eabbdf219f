package dev.ctx.schemas.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final CountingClient counting = new CountingClient(registry);

    @Test
    void repeatedLookupsReachTheRegistryOnce() {
        // Given
        CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(counting, 10, Duration.ofMinutes(1));
        int id = client.register("t-value", TestSchemas.tradeV1());
        // When
        for (int i = 0; i < 5; i++) {
            client.register("t-value", TestSchemas.tradeV1());
            client.getSchemaById(id);
            client.getLatestVersion("t-value");
        }
        // Then: one register; getSchemaById is answered from the registration; one latest fetch
        assertThat(counting.calls.get()).isEqualTo(2);
    }

    @Test
    void leastRecentlyUsedEntryIsEvictedAtCapacity() {
        // Given
        BoundedLruCache<Integer, String> cache = new BoundedLruCache<>(2);
        cache.put(1, "one");
        cache.put(2, "two");
        cache.peek(1);
        // When
        cache.put(3, "three");
        // Then
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.peek(2)).isNull();
        assertThat(cache.peek(1)).isEqualTo("one");
    }

    @Test
    void failuresAreNotCached() {
        // Given
        CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(counting, 10, Duration.ofMinutes(1));
        assertThatThrownBy(() -> client.getSchemaById(1)).isInstanceOf(SchemaNotFoundException.class);
        // When
        int id = registry.register("t-value", TestSchemas.tradeV1());
        // Then
        assertThat(client.getSchemaById(id)).isEqualTo(TestSchemas.tradeV1());
    }

    @Test
    void latestVersionIsRefetchedWhenTtlIsZero() {
        // Given
        CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(counting, 10, Duration.ZERO);
        registry.register("t-value", TestSchemas.tradeV1());
        client.getLatestVersion("t-value");
        registry.register("t-value", TestSchemas.tradeV2WithDefault());
        // When
        RegisteredSchema latest = client.getLatestVersion("t-value");
        // Then
        assertThat(latest.version()).isEqualTo(2);
    }

    /** Counts calls that reach the real registry. */
    private static final class CountingClient implements SchemaRegistryClient {
        final AtomicInteger calls = new AtomicInteger();
        private final SchemaRegistryClient delegate;

        CountingClient(SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public int register(String subject, Schema schema) {
            calls.incrementAndGet();
            return delegate.register(subject, schema);
        }

        @Override
        public int getId(String subject, Schema schema) {
            calls.incrementAndGet();
            return delegate.getId(subject, schema);
        }

        @Override
        public Schema getSchemaById(int id) {
            calls.incrementAndGet();
            return delegate.getSchemaById(id);
        }

        @Override
        public RegisteredSchema getLatestVersion(String subject) {
            calls.incrementAndGet();
            return delegate.getLatestVersion(subject);
        }

        @Override
        public boolean testCompatibility(String subject, Schema schema) {
            calls.incrementAndGet();
            return delegate.testCompatibility(subject, schema);
        }
    }
}
