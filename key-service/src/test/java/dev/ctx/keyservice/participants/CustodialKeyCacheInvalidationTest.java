package dev.ctx.keyservice.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CachingCustodialKeys;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.testing.LifecycleFixture;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/** The registry tells the custodial key cache about every committed change, so no cached key outlives it. */
class CustodialKeyCacheInvalidationTest {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final AuditContext MINER = new AuditContext("miner-1", null, null);
    private static final ParticipantId ALICE = ParticipantId.parse("alice");

    @TempDir
    Path dir;

    private LifecycleFixture service;
    private CachingCustodialKeys cache;

    @BeforeEach
    void start() {
        service = LifecycleFixture.start(dir, Clock.systemUTC());
        service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
        service.keys.createKey(OPERATOR, ALICE);
        cache = new CachingCustodialKeys(
                new AuditedOpen(service.keys),
                100,
                Duration.ofMinutes(5),
                Ticker.systemTicker(),
                new SimpleMeterRegistry());
        service.states.addKeyStatusListener(cache);
    }

    @AfterEach
    void stop() {
        cache.close();
        service.close();
    }

    @Test
    void revokingAKeyDestroysItsCachedCopyBeforeTheRevokeReturnsAndLaterUsesAreRefused() {
        // Given
        X25519PrivateKey cached = cache.withKey(MINER, "alice", 1, Function.identity());
        assertThat(cached.isDestroyed()).isFalse();
        // When
        service.keys.revoke(OPERATOR, ALICE, 1);
        // Then
        assertThat(cached.isDestroyed()).isTrue();
        assertThatThrownBy(() -> cache.withKey(MINER, "alice", 1, Function.identity()))
                .isInstanceOf(OpenRefusedException.class);
    }

    @Test
    void revokingTheParticipantDestroysItsCachedKeys() {
        // Given
        X25519PrivateKey cached = cache.withKey(MINER, "alice", 1, Function.identity());
        // When
        service.registry.update(OPERATOR, ALICE, new ParticipantUpdate(ParticipantStatus.REVOKED, null, null, null));
        // Then
        assertThat(cached.isDestroyed()).isTrue();
        assertThatThrownBy(() -> cache.withKey(MINER, "alice", 1, Function.identity()))
                .isInstanceOf(OpenRefusedException.class);
    }

    @Test
    void rotatingDestroysTheCachedKeyButTheOldVersionStillOpens() {
        // Given
        X25519PrivateKey cached = cache.withKey(MINER, "alice", 1, Function.identity());
        // When
        service.keys.rotate(OPERATOR, ALICE);
        // Then
        assertThat(cached.isDestroyed()).isTrue();
        X25519PrivateKey reopened = cache.withKey(MINER, "alice", 1, Function.identity());
        assertThat(reopened.publicKey()).isEqualTo(cached.publicKey());
        assertThat(reopened.isDestroyed()).isFalse();
    }

    @Test
    void anAuditedOpenThatChangesNothingKeepsTheCache() {
        // Given
        X25519PrivateKey cached = cache.withKey(MINER, "alice", 1, Function.identity());
        // When another key of the participant is opened (a KEY_OPENED commit with the state unchanged)
        service.keys.openCustodialKeyAudited(MINER, ALICE, 1).destroy();
        // Then
        assertThat(cached.isDestroyed()).isFalse();
        assertThat(cache.withKey(MINER, "alice", 1, Function.identity())).isSameAs(cached);
    }

    /** The plain custodial keys: the audited open, destroyed when the use returns. */
    private record AuditedOpen(KeyLifecycle keys) implements CustodialKeys {
        @Override
        public <T> T withKey(
                AuditContext context, String participantId, int version, Function<X25519PrivateKey, T> use) {
            X25519PrivateKey key = keys.openCustodialKeyAudited(context, ParticipantId.parse(participantId), version);
            try {
                return use.apply(key);
            } finally {
                key.destroy();
            }
        }
    }
}
