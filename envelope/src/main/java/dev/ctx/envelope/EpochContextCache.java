package dev.ctx.envelope;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.format.ContextEncoding;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.EpochId;
import dev.ctx.envelope.internal.hpke.Hpke;
import dev.ctx.envelope.internal.hpke.HpkeContext;
import dev.ctx.envelope.internal.hpke.HpkeSuite;

/**
 * The recipient side of epoch wraps: a bounded LRU cache of RFC 9180 §5.1 recipient contexts keyed by (recipient key,
 * epoch id, {@code enc}), so one X25519 operation per epoch and recipient key opens every wrap of the epoch, at any
 * sequence number and in any order. An evicted context is destroyed. Thread-safe; contexts live in memory only.
 */
public final class EpochContextCache {

    /** Default number of cached contexts. */
    public static final int DEFAULT_CAPACITY = 1024;

    private static final Hpke HPKE = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);

    private final int capacity;
    private final Map<Key, HpkeContext> contexts;
    private long setups;

    private EpochContextCache(int capacity) {
        this.capacity = capacity;
        this.contexts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, HpkeContext> eldest) {
                if (size() > EpochContextCache.this.capacity) {
                    eldest.getValue().destroy();
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * @throws InvalidInputException unless {@code capacity} is positive
     */
    public static EpochContextCache withCapacity(int capacity) {
        if (capacity < 1) {
            throw new InvalidInputException("epoch context cache capacity must be positive");
        }
        return new EpochContextCache(capacity);
    }

    /** Opens the sealed DEK of epoch wrap {@code wrap} at its sequence number with HPKE aad {@code wrapAad}. */
    byte[] open(DekWrap wrap, RecipientPrivateKey key, byte[] wrapAad) {
        EpochId epochId = wrap.epochId().orElseThrow(() -> new InvalidInputException("not an epoch wrap"));
        Key cacheKey = new Key(
                key.recipientId(),
                key.keyVersion(),
                ByteBuffer.wrap(key.privateKey().publicKey().bytes()),
                epochId,
                ByteBuffer.wrap(wrap.enc()));
        for (int attempt = 0; ; attempt++) {
            HpkeContext context = contextFor(cacheKey, wrap, key, epochId);
            try {
                return context.openAt(wrap.sequence(), wrapAad, wrap.sealedDek());
            } catch (DestroyedKeyException evictedMeanwhile) {
                if (attempt > 0 || key.isDestroyed()) {
                    throw evictedMeanwhile;
                }
            }
        }
    }

    private HpkeContext contextFor(Key cacheKey, DekWrap wrap, RecipientPrivateKey key, EpochId epochId) {
        synchronized (contexts) {
            HpkeContext cached = contexts.get(cacheKey);
            if (cached != null && !cached.isDestroyed()) {
                return cached;
            }
        }
        HpkeContext fresh = HPKE.setupBaseR(
                wrap.enc(), key.privateKey(), ContextEncoding.epochInfo(epochId, key.recipientId(), key.keyVersion()));
        synchronized (contexts) {
            setups++;
            HpkeContext previous = contexts.put(cacheKey, fresh);
            if (previous != null && previous != fresh) {
                previous.destroy();
            }
        }
        return fresh;
    }

    /** Number of cached contexts. */
    public int size() {
        synchronized (contexts) {
            return contexts.size();
        }
    }

    /** Number of contexts set up (one X25519 operation each) since creation. */
    public long setups() {
        synchronized (contexts) {
            return setups;
        }
    }

    public int capacity() {
        return capacity;
    }

    /** Destroys and drops every cached context. */
    public void clear() {
        synchronized (contexts) {
            contexts.values().forEach(HpkeContext::destroy);
            contexts.clear();
        }
    }

    @Override
    public String toString() {
        return "EpochContextCache[capacity=" + capacity + ", size=" + size() + "]";
    }

    private record Key(
            String recipientId, int keyVersion, ByteBuffer recipientPublicKey, EpochId epochId, ByteBuffer enc) {}
}
