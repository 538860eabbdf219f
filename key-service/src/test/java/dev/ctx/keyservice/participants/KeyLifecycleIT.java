package dev.ctx.keyservice.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.rotation.MaxAgeRotation;
import dev.ctx.keyservice.rotation.RotatedKey;
import dev.ctx.keyservice.testing.MutableClock;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

class KeyLifecycleIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final ParticipantId ALICE = ParticipantId.parse("alice");
    private static final ParticipantId BOB = ParticipantId.parse("bob");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private StoreFixture service;

    @BeforeEach
    void start() {
        service = StoreFixture.start(dir, clock);
        service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
        service.keys.createKey(OPERATOR, ALICE);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void rotationMakesANewCurrentVersionAndKeepsTheOldOneUsable() {
        // When
        KeyVersion rotated = service.keys.rotate(OPERATOR, ALICE);
        // Then
        Participant alice = service.registry.get(ALICE);
        assertThat(rotated.version()).isEqualTo(2);
        assertThat(alice.currentVersion()).isEqualTo(2);
        assertThat(alice.key(1)).hasValueSatisfying(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));
        assertThat(service.keys.openCustodialKeyAudited(OPERATOR, ALICE, 1).publicKey())
                .isEqualTo(alice.key(1).orElseThrow().publicKey());
    }

    @Test
    void destroyingARetiredVersionRemovesItsPrivateKeyForGood() {
        // Given
        service.keys.rotate(OPERATOR, ALICE);
        service.keys.retire(OPERATOR, ALICE, 1);
        // When
        service.keys.destroy(OPERATOR, ALICE, 1);
        service.restart();
        // Then
        assertThat(service.registry.get(ALICE).key(1))
                .hasValueSatisfying(k -> assertThat(k.status()).isEqualTo(KeyStatus.DESTROYED));
        assertThatThrownBy(() -> service.keys.openCustodialKeyAudited(OPERATOR, ALICE, 1))
                .isInstanceOf(OpenRefusedException.class);
        assertThat(service.states.require(ALICE).custody().version(1))
                .as("the sealed key itself is gone")
                .isEmpty();
    }

    @Test
    void activeOrCurrentVersionsCannotBeDestroyedOrRetired() {
        assertThatThrownBy(() -> service.keys.destroy(OPERATOR, ALICE, 1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.keys.retire(OPERATOR, ALICE, 1)).isInstanceOf(ConflictException.class);
    }

    @Test
    void revokingTheCurrentVersionLeavesNoCurrentKeyUntilRotation() {
        // When
        service.keys.revoke(OPERATOR, ALICE, 1);
        // Then
        assertThat(service.registry.get(ALICE).currentVersion()).isZero();
        assertThat(service.keys.rotate(OPERATOR, ALICE).version()).isEqualTo(2);
    }

    @Test
    void maxAgePolicyRotatesOnlyKeysAtLeastThatOld() {
        // Given
        clock.advance(Duration.ofDays(60));
        service.registry.register(OPERATOR, BOB, ParticipantRole.MINER, KycStatus.VERIFIED, List.of());
        service.keys.createKey(OPERATOR, BOB);
        clock.advance(Duration.ofDays(30));
        // When
        MaxAgeRotation policy = new MaxAgeRotation(service.states, service.keys, Duration.ofDays(90), clock);
        List<RotatedKey> rotated = policy.run(AuditContext.system("rotation"));
        // Then
        assertThat(rotated).containsExactly(new RotatedKey(ALICE, 2));
        assertThat(policy.run(AuditContext.system("rotation"))).isEmpty();
    }

    @Test
    void revokedParticipantsGetNoNewKeys() {
        // Given
        service.registry.update(OPERATOR, ALICE, new ParticipantUpdate(ParticipantStatus.REVOKED, null, null, null));
        // When / Then
        assertThatThrownBy(() -> service.keys.rotate(OPERATOR, ALICE)).isInstanceOf(ConflictException.class);
    }

    @Test
    void escrowKeyIsCreatedOnceAndRotatable() {
        // When
        service.keys.createEscrowKey(OPERATOR);
        // Then
        assertThatThrownBy(() -> service.keys.createEscrowKey(OPERATOR)).isInstanceOf(ConflictException.class);
        assertThat(service.keys.rotate(OPERATOR, ParticipantId.ESCROW).version())
                .isEqualTo(2);
        assertThat(service.registry.get(ParticipantId.ESCROW).role()).isEqualTo(ParticipantRole.ESCROW);
    }
}
