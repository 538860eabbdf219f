package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.testkit.kafka.EmbeddedKafkaBroker;

/**
 * With the broker gone a write fails within the store timeout and is not applied; after recovery nothing is
 * half-written.
 */
class BrokerOutageIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final ParticipantId ALICE = ParticipantId.parse("alice");

    @TempDir
    Path dir;

    @Test
    void rotationWithoutABrokerFailsAndChangesNothing() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), Map.of()).start()) {
            Files.createDirectories(dir.resolve("service"));
            StoreFixture service =
                    StoreFixture.startOn(broker.bootstrapServers(), dir.resolve("service"), Clock.systemUTC());
            // Given
            service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
            service.keys.createKey(OPERATOR, ALICE);
            broker.stop();
            // When / Then
            assertThatThrownBy(() -> service.keys.rotate(OPERATOR, ALICE))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(service.registry.get(ALICE).currentVersion()).isEqualTo(1);
            // And after the broker is back, a restarted service has exactly the acknowledged state
            broker.start();
            service.restart();
            assertThat(service.registry.get(ALICE).currentVersion()).isEqualTo(1);
            assertThat(service.keys.rotate(OPERATOR, ALICE).version()).isEqualTo(2);
            service.close();
        }
    }
}
