package dev.ctx.keyservice.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.schemas.keys.KeyStatus;

/** The custodial key cache: hits, misses, and that every key leaving it is destroyed, but never under a use. */
class CachingCustodialKeysTest {

    private static final AuditContext CALLER = new AuditContext("miner-1", null, null);
    private static final Duration TTL = Duration.ofMinutes(5);

    private final CountingCustodialKeys custody = new CountingCustodialKeys();
    private final FakeTicker ticker = new FakeTicker();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CachingCustodialKeys cache = new CachingCustodialKeys(custody, 100, TTL, ticker, meters);

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void aKeyNotInTheCacheIsUnsealedOnceAndCountedAsAMiss() {
        // When
        X25519PrivateKey used = use("alice", 1);
        // Then
        assertThat(custody.unseals()).isEqualTo(1);
        assertThat(used.publicKey()).isEqualTo(custody.publicKey("alice", 1));
        assertThat(used.isDestroyed()).isFalse();
        assertThat(counter("misses")).isEqualTo(1.0);
        assertThat(counter("hits")).isZero();
    }

    @Test
    void aSecondUseIsServedFromTheCacheWithoutUnsealingAgain() {
        // Given
        X25519PrivateKey first = use("alice", 1);
        // When
        X25519PrivateKey second = use("alice", 1);
        // Then
        assertThat(second).isSameAs(first);
        assertThat(custody.unseals()).isEqualTo(1);
        assertThat(counter("hits")).isEqualTo(1.0);
    }

    @Test
    void anExpiredKeyIsDestroyedAndUnsealedAgain() {
        // Given
        X25519PrivateKey first = use("alice", 1);
        // When
        ticker.advance(TTL.plusSeconds(1));
        cache.cleanUp();
        // Then
        assertThat(first.isDestroyed()).isTrue();
        assertThat(cache.size()).isZero();
        X25519PrivateKey again = use("alice", 1);
        assertThat(again).isNotSameAs(first);
        assertThat(custody.unseals()).isEqualTo(2);
        assertThat(eviction("expired")).isEqualTo(1.0);
    }

    @Test
    void aKeyEvictedForSizeIsDestroyed() {
        // Given
        cache = new CachingCustodialKeys(custody, 2, TTL, ticker, meters);
        // When
        List<X25519PrivateKey> used = List.of(use("alice", 1), use("bob", 1), use("carol", 1));
        cache.cleanUp();
        // Then
        assertThat(cache.size()).isEqualTo(2);
        assertThat(used).filteredOn(X25519PrivateKey::isDestroyed).hasSize(1);
        assertThat(eviction("size")).isEqualTo(1.0);
    }

    @Test
    void aKeyChangeOfTheParticipantDestroysItsCachedKeysAndOnlyThose() {
        // Given
        X25519PrivateKey alice1 = use("alice", 1);
        X25519PrivateKey alice2 = use("alice", 2);
        X25519PrivateKey bob = use("bob", 1);
        // When
        cache.keyStatusChanged("alice", 1, KeyStatus.REVOKED);
        // Then
        assertThat(alice1.isDestroyed()).isTrue();
        assertThat(alice2.isDestroyed()).isTrue();
        assertThat(bob.isDestroyed()).isFalse();
        assertThat(use("alice", 1)).isNotSameAs(alice1);
        assertThat(custody.unseals()).isEqualTo(4);
    }

    @Test
    void aParticipantChangeDestroysItsCachedKeys() {
        // Given
        X25519PrivateKey alice = use("alice", 1);
        // When
        cache.participantChanged("alice");
        // Then
        assertThat(alice.isDestroyed()).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aKeyLentToAUseInFlightIsDestroyedOnlyWhenThatUseReturns() throws Exception {
        // Given a use that holds the key until released
        CountDownLatch lent = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        X25519PrivateKey[] held = new X25519PrivateKey[1];
        CompletableFuture<byte[]> inFlight =
                CompletableFuture.supplyAsync(() -> cache.withKey(CALLER, "alice", 1, key -> {
                    held[0] = key;
                    lent.countDown();
                    await(finish);
                    return agree(key);
                }));
        assertThat(lent.await(10, TimeUnit.SECONDS)).isTrue();
        // When the participant is revoked and the cache closed while it runs
        cache.participantChanged("alice");
        cache.close();
        // Then the key is still usable until the use returns, and destroyed right after
        assertThat(held[0].isDestroyed()).isFalse();
        finish.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS)).hasSize(32);
        assertThat(held[0].isDestroyed()).isTrue();
    }

    @Test
    void aCachedKeyInUseByOneCallerSurvivesAnInvalidationUntilItReturns() throws Exception {
        // Given a cached key, lent again to a use in flight
        X25519PrivateKey cached = use("alice", 1);
        CountDownLatch lent = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<byte[]> inFlight =
                CompletableFuture.supplyAsync(() -> cache.withKey(CALLER, "alice", 1, key -> {
                    lent.countDown();
                    await(finish);
                    return agree(key);
                }));
        assertThat(lent.await(10, TimeUnit.SECONDS)).isTrue();
        // When
        cache.keyStatusChanged("alice", 1, KeyStatus.REVOKED);
        // Then
        assertThat(cached.isDestroyed()).isFalse();
        finish.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS)).hasSize(32);
        assertThat(cached.isDestroyed()).isTrue();
        assertThat(custody.unseals()).isEqualTo(1);
    }

    @Test
    void noUseEverSeesADestroyedKeyWhileEntriesAreEvictedAndInvalidatedConcurrently() throws Exception {
        // Given a cache smaller than the working set, and a thread invalidating all the time
        cache = new CachingCustodialKeys(custody, 2, TTL, ticker, meters);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> users = new ArrayList<>();
        // When
        Future<?> invalidator = pool.submit(() -> {
            while (running.get()) {
                cache.participantChanged("p" + ThreadLocalRandom.current().nextInt(4));
            }
        });
        for (int t = 0; t < 4; t++) {
            users.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    String participant = "p" + ThreadLocalRandom.current().nextInt(4);
                    cache.withKey(CALLER, participant, 1, CachingCustodialKeysTest::agree);
                }
                return null;
            }));
        }
        // Then: no use failed (a destroyed key throws DestroyedKeyException)
        for (Future<?> user : users) {
            user.get(60, TimeUnit.SECONDS);
        }
        running.set(false);
        invalidator.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(counter("hits") + counter("misses")).isEqualTo(2_000.0);
    }

    @Test
    void closeDestroysEveryCachedKeyAndLaterUsesAreNotCached() {
        // Given
        List<X25519PrivateKey> used = List.of(use("alice", 1), use("bob", 1));
        // When
        cache.close();
        // Then
        assertThat(used).allMatch(X25519PrivateKey::isDestroyed);
        X25519PrivateKey after = use("alice", 1);
        assertThat(after.isDestroyed()).isTrue();
        assertThat(custody.unseals()).isEqualTo(3);
    }

    @Test
    void aCacheOfZeroKeysIsNoCache() {
        assertThat(CachingCustodialKeys.wrap(custody, 0, TTL, meters)).isSameAs(custody);
        assertThat(CachingCustodialKeys.wrap(custody, 10, TTL, meters)).isInstanceOf(CachingCustodialKeys.class);
    }

    /** Uses the key once (a real X25519 agreement) and returns the handle, for the test to check its fate. */
    private X25519PrivateKey use(String participantId, int version) {
        return cache.withKey(CALLER, participantId, version, k -> {
            assertThat(agree(k)).hasSize(32);
            return k;
        });
    }

    private static byte[] agree(X25519PrivateKey key) {
        X25519KeyPair peer = X25519KeyPair.generate();
        byte[] shared = new byte[32];
        key.agreeWith(peer.publicKey().bytes(), 0, shared, 0);
        peer.destroy();
        return shared;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double counter(String name) {
        return meters.get("ctx.keyservice.custodial.key.cache." + name)
                .counter()
                .count();
    }

    private double eviction(String cause) {
        return meters.get("ctx.keyservice.custodial.key.cache.evictions")
                .tag("cause", cause)
                .counter()
                .count();
    }
}
