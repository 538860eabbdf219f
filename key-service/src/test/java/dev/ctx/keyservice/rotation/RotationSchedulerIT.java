package dev.ctx.keyservice.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.testing.MutableClock;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

class RotationSchedulerIT {

    @TempDir
    Path dir;

    @Test
    void scheduledCheckRotatesAKeyOnceItReachesTheMaxAge() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ParticipantId alice = ParticipantId.parse("alice");
        try (StoreFixture service = StoreFixture.start(dir, clock)) {
            // Given
            AuditContext operator = new AuditContext("operator-1", null, null);
            service.registry.register(operator, alice, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
            service.keys.createKey(operator, alice);
            // When
            RotationScheduler scheduler = RotationScheduler.start(
                    new MaxAgeRotation(service.states, service.keys, Duration.ofDays(90), clock),
                    Duration.ofMillis(50));
            try {
                clock.advance(Duration.ofDays(90));
                // Then
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(
                                () -> assertThat(service.registry.get(alice).currentVersion())
                                        .isEqualTo(2));
            } finally {
                scheduler.close();
            }
        }
    }
}
