package dev.ctx.schemas.schemaregistry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A thread-safe map that keeps at most {@code capacity} entries, evicting the least recently used. Values are computed
 * outside the lock so a slow registry call never blocks readers of other keys; two threads may then compute the same
 * value, which is harmless for immutable registry answers.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class BoundedLruCache<K, V> {

    private final Map<K, V> entries;

    /** Creates a cache holding at most {@code capacity} (>= 1) entries. */
    public BoundedLruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be >= 1, was " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Returns the cached value for {@code key}, computing and caching it on a miss. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        V cached = peek(key);
        if (cached != null) {
            return cached;
        }
        V loaded = loader.apply(key);
        put(key, loaded);
        return loaded;
    }

    /** Caches {@code value} under {@code key}, replacing any earlier value. */
    public void put(K key, V value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    /** Returns the cached value or null. */
    public V peek(K key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    /** Returns the number of cached entries. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
