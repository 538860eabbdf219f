package dev.ctx.keyservice.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.testing.LifecycleFixture;
import dev.ctx.keyservice.testing.MutableClock;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/** Key lifecycle rules on the in-memory store: every transition, every refusal, and what each one commits. */
class KeyLifecycleTest {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final ParticipantId ALICE = ParticipantId.parse("alice");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LifecycleFixture service;

    @BeforeEach
    void start() {
        service = LifecycleFixture.start(dir, clock);
        service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void creatingAKeyIssuesVersionOneActiveCurrentAndSealed() {
        // When
        KeyVersion created = service.keys.createKey(OPERATOR, ALICE);
        // Then
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(created.createdAt()).isEqualTo(clock.instant());
        assertThat(service.restart().registry.get(ALICE).currentVersion())
                .as("committed, read back")
                .isEqualTo(1);
        assertThat(service.unsealForTest(ALICE, 1).publicKey()).isEqualTo(created.publicKey());
        assertThat(lastEvent().getType()).isEqualTo(AccessEventType.KEY_CREATED);
    }

    @Test
    void aSecondCreateIsRefusedInFavourOfRotation() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        // When / Then
        assertThatThrownBy(() -> service.keys.createKey(OPERATOR, ALICE))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("rotate instead");
    }

    @Test
    void rotationMakesANewCurrentVersionAndKeepsTheOldOneActive() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        // When
        KeyVersion rotated = service.keys.rotate(OPERATOR, ALICE);
        // Then
        Participant alice = service.restart().registry.get(ALICE);
        assertThat(rotated.version()).isEqualTo(2);
        assertThat(alice.currentVersion()).isEqualTo(2);
        assertThat(alice.key(1)).hasValueSatisfying(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));
        assertThat(lastEvent().getType()).isEqualTo(AccessEventType.KEY_ROTATED);
    }

    @Test
    void rotatingWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> service.keys.rotate(OPERATOR, ALICE))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("create one first");
    }

    @Test
    void anUnknownParticipantOrVersionIsNotFound() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        // When / Then
        assertThatThrownBy(() -> service.keys.createKey(OPERATOR, ParticipantId.parse("nobody")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.keys.revoke(OPERATOR, ALICE, 9)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void revokedParticipantsGetNoNewKeys() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        service.registry.update(OPERATOR, ALICE, new ParticipantUpdate(ParticipantStatus.REVOKED, null, null, null));
        // When / Then
        assertThatThrownBy(() -> service.keys.rotate(OPERATOR, ALICE))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void retiringANonCurrentActiveVersionMarksItRetired() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        service.keys.rotate(OPERATOR, ALICE);
        // When
        KeyVersion retired = service.keys.retire(OPERATOR, ALICE, 1);
        // Then
        assertThat(retired.status()).isEqualTo(KeyStatus.RETIRED);
        assertThat(service.restart().registry.get(ALICE).currentVersion()).isEqualTo(2);
        assertThat(lastEvent().getType()).isEqualTo(AccessEventType.KEY_RETIRED);
        assertThat(lastEvent().getAttributes())
                .containsEntry("keyVersion", "1")
                .containsEntry("participantId", "alice");
    }

    @Test
    void retiringTheCurrentVersionIsRefused() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        // When / Then
        assertThatThrownBy(() -> service.keys.retire(OPERATOR, ALICE, 1))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is current");
    }

    @Test
    void revokingTheCurrentVersionLeavesNoCurrentKeyUntilRotation() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        // When
        service.keys.revoke(OPERATOR, ALICE, 1);
        // Then
        assertThat(service.restart().registry.get(ALICE).currentVersion()).isZero();
        assertThat(lastEvent().getType()).isEqualTo(AccessEventType.KEY_REVOKED);
        assertThat(service.keys.rotate(OPERATOR, ALICE).version()).isEqualTo(2);
    }

    @Test
    void destroyingARevokedVersionRemovesItsSealedKeyButKeepsItsPublicEntry() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        service.keys.revoke(OPERATOR, ALICE, 1);
        // When
        service.keys.destroy(OPERATOR, ALICE, 1);
        // Then
        service.restart();
        assertThat(service.registry.get(ALICE).key(1))
                .hasValueSatisfying(k -> assertThat(k.status()).isEqualTo(KeyStatus.DESTROYED));
        assertThat(service.states.require(ALICE).custody().version(1))
                .as("the sealed key itself is gone")
                .isEmpty();
        assertThat(lastEvent().getType()).isEqualTo(AccessEventType.KEY_DESTROYED);
    }

    @Test
    void activeOrDestroyedVersionsCannotBeDestroyed() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        assertThatThrownBy(() -> service.keys.destroy(OPERATOR, ALICE, 1))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is ACTIVE; cannot become DESTROYED");
        service.keys.revoke(OPERATOR, ALICE, 1);
        service.keys.destroy(OPERATOR, ALICE, 1);
        // When / Then
        assertThatThrownBy(() -> service.keys.destroy(OPERATOR, ALICE, 1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.keys.revoke(OPERATOR, ALICE, 1)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRefusedChangeCommitsNothing() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        int committed = service.store.events().size();
        // When
        assertThatThrownBy(() -> service.keys.retire(OPERATOR, ALICE, 1)).isInstanceOf(ConflictException.class);
        // Then
        assertThat(service.store.events()).hasSize(committed);
    }

    @Test
    void aFailedCommitChangesNeitherTheStoreNorTheView() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        service.store.failCommits(1);
        // When
        assertThatThrownBy(() -> service.keys.rotate(OPERATOR, ALICE)).isInstanceOf(StoreUnavailableException.class);
        // Then
        assertThat(service.registry.get(ALICE).currentVersion()).isEqualTo(1);
        assertThat(service.restart().registry.get(ALICE).currentVersion()).isEqualTo(1);
        assertThat(service.keys.rotate(OPERATOR, ALICE).version())
                .as("no version was used up")
                .isEqualTo(2);
    }

    @Test
    void escrowKeyIsCreatedOnceAndRotatesWithItsOwnEvent() {
        // When
        service.keys.createEscrowKey(OPERATOR);
        // Then
        assertThat(lastEvent().getType()).isEqualTo(AccessEventType.ESCROW_KEY_CREATED);
        assertThatThrownBy(() -> service.keys.createEscrowKey(OPERATOR)).isInstanceOf(ConflictException.class);
        assertThat(service.keys.rotate(OPERATOR, ParticipantId.ESCROW).version())
                .isEqualTo(2);
        assertThat(lastEvent().getType()).isEqualTo(AccessEventType.ESCROW_KEY_ROTATED);
        assertThat(service.restart().registry.get(ParticipantId.ESCROW).role()).isEqualTo(ParticipantRole.ESCROW);
    }

    private AccessEvent lastEvent() {
        List<AccessEvent> events = service.store.events();
        return events.get(events.size() - 1);
    }
}
