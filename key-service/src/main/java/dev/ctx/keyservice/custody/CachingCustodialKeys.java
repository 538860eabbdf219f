package dev.ctx.keyservice.custody;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.schemas.keys.KeyStatus;

/**
 * Keeps the keys another {@link CustodialKeys} unseals for a bounded time (TTL since unsealing) and count, so repeated
 * access requests for one participant do not each unseal (and audit-log a {@code KEY_OPENED} for) the same key. A
 * cached key is destroyed when it leaves the cache: evicted by size, expired, invalidated by a committed key or
 * participant change ({@link KeyStatusListener}: rotation, retirement, revocation, destruction, suspension), or on
 * {@link #close()}; a key lent to a use in flight is destroyed when that use returns ({@link LeasedKey}).
 *
 * <p>No cache entry outlives a revocation: every invalidation bumps the participant's epoch before dropping its
 * entries, and a use checks the epoch after taking its lease, so an entry loaded concurrently with the revocation is
 * never served after it. Thread-safe.
 */
public final class CachingCustodialKeys implements CustodialKeys, KeyStatusListener, AutoCloseable {

    private final CustodialKeys delegate;
    private final Cache<CustodyCacheKey, LeasedKey> cache;
    private final Map<String, AtomicLong> epochs = new ConcurrentHashMap<>();
    private final CustodialKeyCacheMetrics metrics;
    private volatile boolean closed;

    /**
     * @param maxKeys at most this many unsealed keys (at least 1)
     * @param ttl a key is destroyed at most this long after it was unsealed
     * @param ticker the cache's time source (a fake one in tests)
     */
    public CachingCustodialKeys(
            CustodialKeys delegate, int maxKeys, Duration ttl, Ticker ticker, MeterRegistry meters) {
        if (maxKeys < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("custodial key cache needs maxKeys >= 1 and a positive ttl");
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .scheduler(Scheduler.systemScheduler()) // expired keys are destroyed promptly, not on the next access
                .executor(Runnable::run)
                .removalListener(this::removed)
                .build();
        this.metrics = new CustodialKeyCacheMetrics(meters, cache::estimatedSize);
    }

    /** The cache for {@code delegate}, or {@code delegate} itself when {@code maxKeys == 0} (the cache is off). */
    public static CustodialKeys wrap(CustodialKeys delegate, int maxKeys, Duration ttl, MeterRegistry meters) {
        return maxKeys == 0
                ? delegate
                : new CachingCustodialKeys(delegate, maxKeys, ttl, Ticker.systemTicker(), meters);
    }

    @Override
    public <T> T withKey(AuditContext context, String participantId, int version, Function<X25519PrivateKey, T> use) {
        CustodyCacheKey key = new CustodyCacheKey(participantId, version);
        while (!closed) {
            long epoch = epoch(participantId).get();
            LeasedKey cached = cache.getIfPresent(key);
            if (cached == null) {
                return loadAndUse(context, key, epoch, use);
            }
            if (cached.acquire()) {
                try {
                    if (cached.epoch() == epoch(participantId).get()) {
                        metrics.hit();
                        return use.apply(cached.key());
                    }
                } finally {
                    cached.release();
                }
            }
            cache.asMap().remove(key, cached); // retired or stale: drop it and look again
        }
        return delegate.withKey(context, participantId, version, use);
    }

    private <T> T loadAndUse(AuditContext context, CustodyCacheKey key, long epoch, Function<X25519PrivateKey, T> use) {
        metrics.miss();
        LeasedKey fresh = new LeasedKey(
                delegate.withKey(context, key.participantId(), key.version(), CachingCustodialKeys::copyOf), epoch);
        fresh.acquire();
        try {
            AtomicLong current = epoch(key.participantId());
            if (current.get() == epoch && !closed) {
                cache.put(key, fresh);
                if (current.get() != epoch || closed) { // invalidated while it was being put
                    cache.asMap().remove(key, fresh);
                }
            } else {
                fresh.retire();
            }
            return use.apply(fresh.key());
        } finally {
            fresh.release();
        }
    }

    /** A copy the cache owns: the delegate destroys its own handle when the lending call returns. */
    private static X25519PrivateKey copyOf(X25519PrivateKey lent) {
        return X25519PrivateKey.takeOwnershipOf(lent.exposeSecretBytesForCustodySealing());
    }

    private AtomicLong epoch(String participantId) {
        return epochs.computeIfAbsent(participantId, ignored -> new AtomicLong());
    }

    private void removed(CustodyCacheKey key, LeasedKey value, RemovalCause cause) {
        if (value != null) {
            value.retire();
            metrics.evicted(cause);
        }
    }

    @Override
    public void keyStatusChanged(String participantId, int version, KeyStatus status) {
        invalidate(participantId);
    }

    @Override
    public void participantChanged(String participantId) {
        invalidate(participantId);
    }

    /** Drops (and destroys, once unused) every cached key of {@code participantId}. */
    public void invalidate(String participantId) {
        epoch(participantId).incrementAndGet();
        cache.asMap().keySet().removeIf(k -> k.participantId().equals(participantId));
    }

    /** Runs pending expiry and eviction now (tests; production relies on the scheduler). */
    void cleanUp() {
        cache.cleanUp();
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Destroys every cached key (those in use when their use returns); later uses go to the delegate uncached. */
    @Override
    public void close() {
        closed = true;
        cache.invalidateAll();
        cache.cleanUp();
    }
}
