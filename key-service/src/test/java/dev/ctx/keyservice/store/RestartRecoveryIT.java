package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.KeyVersion;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

class RestartRecoveryIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", "127.0.0.1", "test");
    private static final ParticipantId ALICE = ParticipantId.parse("alice");
    private static final ParticipantId BOB = ParticipantId.parse("bob");

    @TempDir
    Path dir;

    @Test
    void restartedServiceHasEveryKeyAndOpensWhatItSealed() {
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC())) {
            // Given
            service.registry.register(
                    OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of("settlement"));
            service.registry.register(OPERATOR, BOB, ParticipantRole.MINER, KycStatus.PENDING, List.of());
            service.keys.createKey(OPERATOR, ALICE);
            service.keys.rotate(OPERATOR, ALICE);
            service.keys.createKey(OPERATOR, BOB);
            service.keys.createEscrowKey(OPERATOR);
            List<Participant> before = service.registry.list();
            // When
            service.restart();
            // Then
            assertThat(service.registry.list()).isEqualTo(before);
            assertThat(service.registry.get(ALICE).currentVersion()).isEqualTo(2);
            for (Participant participant : before) {
                for (KeyVersion key : participant.keys()) {
                    X25519PrivateKey opened = service.unsealForTest(participant.id(), key.version());
                    assertThat(opened.publicKey()).isEqualTo(key.publicKey());
                    opened.destroy();
                }
            }
        }
    }

    @Test
    void transactionLeftOpenByAKilledInstanceIsAbortedOnRestart() {
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC())) {
            // Given: the old instance died inside a transaction that wrote a keyring for "ghost"
            service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
            service.store.close();
            try (KafkaProducer<String, byte[]> dying = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    service.config.clientProperties().get("bootstrap.servers"),
                            ProducerConfig.TRANSACTIONAL_ID_CONFIG, service.config.transactionalId()),
                    new StringSerializer(),
                    new ByteArraySerializer())) {
                dying.initTransactions();
                dying.beginTransaction();
                dying.send(
                        new ProducerRecord<>(service.config.topics().participantKeys(), "ghost", new byte[] {1, 2, 3}));
                dying.flush();
                // When: a new instance starts with the same transactional id (the dying producer is never committed)
                service.reopen();
                // Then
                assertThat(service.registry.list()).extracting(Participant::id).containsExactly(ALICE);
            }
        }
    }
}
