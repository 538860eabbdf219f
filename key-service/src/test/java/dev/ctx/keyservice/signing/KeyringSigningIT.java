package dev.ctx.keyservice.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.signing.KeyringSigningInput;

/** Every keyring the key service writes verifies with its published key, which survives a restart. */
class KeyringSigningIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", "127.0.0.1", "test");
    private static final ParticipantId ALICE = ParticipantId.parse("alice");

    @TempDir
    Path dir;

    @Test
    void everyWrittenKeyringVerifiesWithTheSigningKeyWhichSurvivesARestart() {
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC())) {
            // Given
            Ed25519VerifyingKey pinned = service.signer.verifyingKey();
            service.registry.register(
                    OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of("settlement"));
            service.keys.createKey(OPERATOR, ALICE);
            service.keys.createEscrowKey(OPERATOR);
            // When
            service.restart();
            service.keys.rotate(OPERATOR, ALICE);
            // Then
            assertThat(service.signer.verifyingKey()).isEqualTo(pinned);
            List<ConsumerRecord<String, ParticipantKeyring>> written = keyrings(service);
            assertThat(written).hasSizeGreaterThanOrEqualTo(4);
            for (ConsumerRecord<String, ParticipantKeyring> record : written) {
                ParticipantKeyring keyring = record.value();
                assertThat(keyring.getParticipantId()).isEqualTo(record.key());
                assertThat(keyring.getSignatureKeyId()).isEqualTo(pinned.fingerprint());
                assertThat(pinned.verify(
                                KeyringSigningInput.canonicalBytes(keyring), KeyringSigningInput.signatureOf(keyring)))
                        .as("%s at offset %d", record.key(), record.offset())
                        .isTrue();
            }
        }
    }

    @Test
    void signingKeyIsPublishedWithItsFingerprintWithoutCredentials() throws Exception {
        try (ApiFixture api = ApiFixture.start(dir, Clock.systemUTC())) {
            // When
            var response = api.call("GET", "/v1/keyring-signing-key", null, null);
            // Then
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(response.body());
            Ed25519VerifyingKey served = Ed25519VerifyingKey.of(
                    Base64.getDecoder().decode(body.get("publicKey").asText()));
            assertThat(served).isEqualTo(api.service.signer.verifyingKey());
            assertThat(body.get("fingerprint").asText())
                    .isEqualTo(served.fingerprint())
                    .hasSize(64);
            assertThat(body.get("algorithm").asText()).isEqualTo("Ed25519");
        }
    }

    @Test
    void keyringsNotSignedByTheServiceAreRefusedOnReplayInsteadOfBecomingItsView() {
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC())) {
            // Given: alice registered by the service; then writes by someone else to participant-keys
            service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
            service.registry.register(
                    OPERATOR, ParticipantId.parse("bob"), ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
            ParticipantKeyring bob = latest(keyrings(service), "bob");
            ParticipantKeyring forgedBob = ParticipantKeyring.newBuilder(bob)
                    .setKycStatus(KycStatus.REJECTED)
                    .build();
            Ed25519SigningKey attacker = Ed25519SigningKey.generate(new SecureRandom());
            ParticipantKeyring carol = ParticipantKeyring.newBuilder(bob)
                    .setParticipantId("carol")
                    .setSignature(null)
                    .build();
            write(
                    service,
                    "bob",
                    KeyringSigningInput.withSignature(
                            forgedBob, attacker.sign(KeyringSigningInput.canonicalBytes(forgedBob))));
            write(service, "carol", carol);
            write(service, "mallory", latest(keyrings(service), "alice"));
            // When
            service.restart();
            // Then
            assertThat(service.registry.list()).extracting(Participant::id).containsExactly(ALICE);
        }
    }

    @Test
    void unsignedKeyringsFromBeforeSigningAreAdoptedAndSignedOnlyByTheStartThatCreatesTheSigningKey() {
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC())) {
            // Given: the topics as an older version left them: an unsigned keyring and no signing key in custody
            service.registry.register(
                    OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of("settlement"));
            service.keys.createKey(OPERATOR, ALICE);
            ParticipantKeyring unsigned = ParticipantKeyring.newBuilder(latest(keyrings(service), "alice"))
                    .setSignature(null)
                    .setSignatureKeyId(null)
                    .build();
            write(service, "alice", unsigned);
            writeCustodyTombstone(service, SigningKeyCustody.RESERVED_ID);
            Ed25519VerifyingKey old = service.signer.verifyingKey();
            // When: the upgraded service starts
            service.restart();
            // Then
            assertThat(service.signer.verifyingKey()).isNotEqualTo(old);
            assertThat(service.registry.get(ALICE).currentVersion()).isEqualTo(1);
            ParticipantKeyring rewritten = latest(keyrings(service), "alice");
            assertThat(service.signer.signed(rewritten)).isTrue();
            // and a later unsigned write is refused like any forgery
            write(service, "alice", unsigned);
            service.restart();
            assertThat(service.registry.list()).isEmpty();
        }
    }

    private static ParticipantKeyring latest(List<ConsumerRecord<String, ParticipantKeyring>> records, String key) {
        return records.stream()
                .filter(r -> r.key().equals(key))
                .reduce((a, b) -> b)
                .orElseThrow()
                .value();
    }

    private static void write(StoreFixture service, String key, ParticipantKeyring keyring) {
        try (var serde = service.serde(ParticipantKeyring.class)) {
            send(
                    service,
                    service.config.topics().participantKeys(),
                    key,
                    serde.serialize(service.config.topics().participantKeys(), keyring));
        }
    }

    private static void writeCustodyTombstone(StoreFixture service, String key) {
        send(service, service.config.topics().keyCustody(), key, null);
    }

    private static void send(StoreFixture service, String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        service.config.clientProperties().get("bootstrap.servers"),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the broker did not take the record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<ConsumerRecord<String, ParticipantKeyring>> keyrings(StoreFixture service) {
        try (var serde = service.serde(ParticipantKeyring.class);
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                service.config.clientProperties().get("bootstrap.servers"),
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            String topic = service.config.topics().participantKeys();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, ParticipantKeyring>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new ConsumerRecord<>(
                            r.topic(), r.partition(), r.offset(), r.key(), serde.deserialize(topic, r.value())));
                }
            }
            return records;
        }
    }
}
