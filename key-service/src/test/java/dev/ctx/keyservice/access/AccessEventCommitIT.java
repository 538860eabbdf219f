package dev.ctx.keyservice.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.Recipient;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.UnsealingCustodialKeys;
import dev.ctx.keyservice.store.AccessEventLog;
import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.testkit.kafka.EmbeddedKafkaBroker;

/** Group commit on the real embedded broker: what it commits is readable read_committed; without a broker, 503. */
class AccessEventCommitIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @TempDir
    Path dir;

    @Test
    void concurrentDecisionsAreCommittedAndReadableReadCommitted() throws Exception {
        AccessEvents events = new AccessEvents("key-service/test", Clock.systemUTC());
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC());
                AccessEventLog log = AccessEventLog.open(service.config, service.serde(AccessEvent.class));
                AccessEventCommitter committer =
                        AccessEventCommitter.start(1000, 100, Duration.ofMillis(5), log, meters)) {
            // Given
            List<AccessEvent> decisions = IntStream.range(0, 40)
                    .mapToObj(i -> events.accessDecision(
                            i % 2 == 0,
                            "txn-" + i,
                            new AuditContext("alice", "10.0.0.1", "test"),
                            "settlement",
                            "policy:txn-" + i,
                            List.of("amount"),
                            "GRANTED",
                            Map.of()))
                    .toList();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                // When
                List<Future<Boolean>> done = decisions.stream()
                        .map(e -> pool.submit(() -> {
                            committer.commit(e, Duration.ofSeconds(30));
                            return true;
                        }))
                        .toList();
                for (Future<Boolean> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            // Then
            List<AccessEvent> read = AccessLog.read(service).stream()
                    .filter(e -> e.getType() == AccessEventType.ACCESS_GRANTED
                            || e.getType() == AccessEventType.ACCESS_DENIED)
                    .toList();
            assertThat(read)
                    .extracting(AccessEvent::getEventId)
                    .containsExactlyInAnyOrderElementsOf(
                            decisions.stream().map(AccessEvent::getEventId).toList());
            assertThat(meters.counter("ctx.keyservice.access.event.batches").count())
                    .isLessThan(40.0);
        }
    }

    @Test
    void withTheBrokerStoppedAnAccessRequestGets503AndNoData() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), Map.of()).start()) {
            Files.createDirectories(dir.resolve("service"));
            StoreFixture service =
                    StoreFixture.startOn(broker.bootstrapServers(), dir.resolve("service"), Clock.systemUTC());
            AccessEventLog log = AccessEventLog.open(service.config, service.serde(AccessEvent.class));
            AccessEventCommitter committer = AccessEventCommitter.start(1000, 100, Duration.ofMillis(5), log, meters);
            try {
                // Given: two registered participants with custodial keys, and a record sealed to those keys
                SealedSample sample =
                        SealedSample.sealFor(List.of(recipient(service, "client-1"), recipient(service, "miner-1")));
                AccessService access = new AccessService(
                        id -> id.equals(SealedSample.TXN)
                                ? new LookupResult.Found(sample.encrypted, sample.envelope)
                                : new LookupResult.Unknown(id),
                        ParticipantDirectory.of(service.states),
                        new FakeGrantBook(),
                        new UnsealingCustodialKeys(service.states, service.keys),
                        committer,
                        new AccessEvents("key-service/test", Clock.systemUTC()),
                        new AccessSettings(AccessLevels.parse(AccessLevels.DEFAULT), false, Duration.ofSeconds(25)),
                        Clock.systemUTC(),
                        meters);
                Identity miner = new Identity("miner-1", Role.PARTICIPANT, "jwt");
                AccessRequest request = new AccessRequest(SealedSample.TXN, "settlement", null);
                AccessAnswer before = access.handle(miner, new AuditContext("miner-1", "10.0.0.9", "it"), request);
                assertThat(before).isInstanceOf(AccessAnswer.Released.class);
                String eventId = ((AccessAnswer.Released) before).eventId();
                assertThat(AccessLog.read(service)).anySatisfy(e -> {
                    assertThat(e.getEventId()).isEqualTo(eventId);
                    assertThat(e.getType()).isEqualTo(AccessEventType.ACCESS_GRANTED);
                    assertThat(e.getDataAccessed()).containsExactly("amount", "settlementDetails");
                });
                // When
                broker.stop();
                AccessAnswer granted = access.handle(miner, new AuditContext("miner-1", null, null), request);
                AccessAnswer denied = access.handle(
                        new Identity("outsider", Role.PARTICIPANT, "jwt"),
                        new AuditContext("outsider", null, null),
                        request);
                // Then
                assertThat(List.of(granted, denied))
                        .allSatisfy(answer -> assertThat(answer)
                                .isInstanceOfSatisfying(
                                        AccessAnswer.Refused.class,
                                        refused -> assertThat(refused.reason())
                                                .isEqualTo(DenialReason.AUDIT_UNAVAILABLE)));
            } finally {
                broker.start();
                committer.close();
                log.close();
                service.close();
            }
        }
    }

    private static Recipient recipient(StoreFixture service, String id) {
        ParticipantId participant = ParticipantId.parse(id);
        service.registry.register(
                OPERATOR, participant, ParticipantRole.MINER, KycStatus.VERIFIED, List.of("settlement"));
        return new Recipient(
                id, 1, service.keys.createKey(OPERATOR, participant).publicKey());
    }
}
