package dev.ctx.keyservice.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantUpdate;
import dev.ctx.keyservice.testing.LifecycleFixture;
import dev.ctx.keyservice.testing.MutableClock;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/** The max-age sweep on the in-memory store. */
class MaxAgeRotationTest {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final AuditContext ROTATION = AuditContext.system("rotation");
    private static final Duration MAX_AGE = Duration.ofDays(90);
    private static final ParticipantId ALICE = ParticipantId.parse("alice");
    private static final ParticipantId BOB = ParticipantId.parse("bob");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LifecycleFixture service;
    private MaxAgeRotation policy;

    @BeforeEach
    void start() {
        service = LifecycleFixture.start(dir, clock);
        policy = new MaxAgeRotation(service.states, service.keys, MAX_AGE, clock);
        registerWithKey(ALICE);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void rotatesOnlyKeysAtLeastTheMaxAgeOldAndOnlyOnce() {
        // Given
        clock.advance(Duration.ofDays(60));
        registerWithKey(BOB);
        clock.advance(Duration.ofDays(30));
        // When
        List<RotatedKey> rotated = policy.run(ROTATION);
        // Then
        assertThat(rotated).containsExactly(new RotatedKey(ALICE, 2));
        assertThat(service.registry.get(BOB).currentVersion()).isEqualTo(1);
        assertThat(policy.run(ROTATION)).isEmpty();
    }

    @Test
    void aKeyOneMillisecondYoungerThanTheMaxAgeIsNotDue() {
        // Given
        clock.advance(MAX_AGE.minusMillis(1));
        // When / Then
        assertThat(policy.run(ROTATION)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(policy.run(ROTATION)).containsExactly(new RotatedKey(ALICE, 2));
    }

    @Test
    void rotationIsAuditedAsTheSystemRotation() {
        // Given
        clock.advance(MAX_AGE);
        // When
        policy.run(ROTATION);
        // Then
        List<AccessEvent> events = service.store.events();
        assertThat(events.get(events.size() - 1)).satisfies(event -> {
            assertThat(event.getType()).isEqualTo(AccessEventType.KEY_ROTATED);
            assertThat(event.getRequester()).isEqualTo("system:rotation");
            assertThat(event.getAttributes()).containsEntry("keyVersion", "2");
        });
    }

    @Test
    void skipsRevokedParticipantsAndParticipantsWithoutACurrentKey() {
        // Given
        service.registry.register(OPERATOR, BOB, ParticipantRole.MINER, KycStatus.VERIFIED, List.of());
        service.registry.update(OPERATOR, ALICE, new ParticipantUpdate(ParticipantStatus.REVOKED, null, null, null));
        clock.advance(MAX_AGE);
        // When / Then
        assertThat(policy.run(ROTATION)).isEmpty();
    }

    @Test
    void rotatesTheEscrowKeyWithItsOwnEvent() {
        // Given
        service.keys.createEscrowKey(OPERATOR);
        clock.advance(MAX_AGE);
        // When
        List<RotatedKey> rotated = policy.run(ROTATION);
        // Then
        assertThat(rotated).containsExactly(new RotatedKey(ParticipantId.ESCROW, 2), new RotatedKey(ALICE, 2));
        assertThat(service.store.events())
                .filteredOn(e -> e.getType() == AccessEventType.ESCROW_KEY_ROTATED)
                .hasSize(1);
    }

    private void registerWithKey(ParticipantId id) {
        service.registry.register(OPERATOR, id, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
        service.keys.createKey(OPERATOR, id);
    }
}
