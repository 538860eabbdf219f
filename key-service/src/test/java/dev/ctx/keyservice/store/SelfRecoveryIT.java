package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantState;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.testkit.kafka.EmbeddedKafkaBroker;

/**
 * A commit with an unknown outcome (the broker went away) makes the store not ready; once the broker is back the SAME
 * running service recovers by itself (new producer with the same transactional id, read_committed replay) and its
 * in-memory state is exactly what a restart would replay.
 */
class SelfRecoveryIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(SelfRecoveryIT.class);
    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final ParticipantId ALICE = ParticipantId.parse("alice");
    private static final ParticipantId BOB = ParticipantId.parse("bob");
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(40);
    private static final Duration OUTAGE = Duration.ofSeconds(12);

    @TempDir
    Path dir;

    @Test
    void runningServiceBecomesReadyByItselfOnceTheBrokerIsBack() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), Map.of()).start();
                ApiFixture api = ApiFixture.startOn(broker.bootstrapServers(), dir, Clock.systemUTC())) {
            // Given
            api.service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
            api.service.keys.createKey(OPERATOR, ALICE);
            broker.stop();
            // When
            assertThatThrownBy(() -> api.service.keys.rotate(OPERATOR, ALICE))
                    .isInstanceOf(StoreUnavailableException.class);
            // Then: not ready, still alive, and writes are refused while it recovers
            assertThat(status(api, "/health/ready")).isEqualTo(503);
            assertThat(status(api, "/health/live")).isEqualTo(200);
            assertThatThrownBy(() -> api.service.keys.rotate(OPERATOR, ALICE))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("recovering");
            assertThat(api.service.registry.get(ALICE).currentVersion()).isEqualTo(1);
            // (longer than the store timeout, so at least one recovery attempt fails and is retried)
            await().during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(5))
                    .untilAsserted(
                            () -> assertThat(status(api, "/health/ready")).isEqualTo(503));
            // And once the broker is back, the same service recovers without a restart
            broker.start();
            long back = System.nanoTime();
            await().atMost(RECOVERY_LIMIT)
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(
                            () -> assertThat(status(api, "/health/ready")).isEqualTo(200));
            LOGGER.atInfo()
                    .addKeyValue("recoveryMs", (System.nanoTime() - back) / 1_000_000)
                    .log("ready again after the broker returned");
            assertThat(api.service.keys.rotate(OPERATOR, ALICE).version()).isEqualTo(2);
        }
    }

    @Test
    void stateAfterRecoveryIsWhatARestartReplays() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), Map.of()).start();
                StoreFixture service = StoreFixture.startOn(broker.bootstrapServers(), dir, Clock.systemUTC())) {
            // Given: two participants, and a rotation of alice whose commit never reached the broker
            service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
            service.registry.register(OPERATOR, BOB, ParticipantRole.MINER, KycStatus.PENDING, List.of());
            service.keys.createKey(OPERATOR, ALICE);
            service.keys.createKey(OPERATOR, BOB);
            service.keys.rotate(OPERATOR, BOB);
            broker.stop();
            assertThatThrownBy(() -> service.keys.rotate(OPERATOR, ALICE))
                    .isInstanceOf(StoreUnavailableException.class);
            broker.start();
            await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(50)).until(service.store::isReady);
            // When: writes acknowledged after the recovery
            assertThat(service.keys.rotate(OPERATOR, ALICE).version()).isEqualTo(2);
            assertThat(service.keys.rotate(OPERATOR, BOB).version()).isEqualTo(3);
            List<ParticipantState> recovered = service.states.all();
            // Then: the running service holds exactly what the log replays, and what a restarted one holds
            assertThat(recovered)
                    .containsExactlyInAnyOrderElementsOf(service.store.load().values());
            service.restart();
            assertThat(service.states.all()).isEqualTo(recovered);
        }
    }

    private static int status(ApiFixture api, String path) {
        return api.call("GET", path, null, null).statusCode();
    }
}
