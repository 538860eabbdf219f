package dev.ctx.keyservice.custody;

import java.util.Locale;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.RemovalCause;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The custodial key cache's meters: {@code ctx_keyservice_custodial_key_cache_hits_total}, {@code ..._misses_total},
 * {@code ..._evictions_total{cause}} (size, expired, explicit = rotation/revocation/close, replaced) and the gauge
 * {@code ctx_keyservice_custodial_key_cache_size}. Thread-safe.
 */
final class CustodialKeyCacheMetrics {

    private static final String PREFIX = "ctx.keyservice.custodial.key.cache.";

    private final MeterRegistry registry;
    private final Counter hits;
    private final Counter misses;

    CustodialKeyCacheMetrics(MeterRegistry registry, Supplier<Number> size) {
        this.registry = registry;
        this.hits = Counter.builder(PREFIX + "hits")
                .description("Custodial key uses served from the cache")
                .register(registry);
        this.misses = Counter.builder(PREFIX + "misses")
                .description("Custodial key uses that unsealed the key")
                .register(registry);
        Gauge.builder(PREFIX + "size", size)
                .description("Unsealed custodial keys in the cache")
                .register(registry);
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    void evicted(RemovalCause cause) {
        Counter.builder(PREFIX + "evictions")
                .description("Cached custodial keys destroyed, by cause")
                .tag("cause", cause.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
