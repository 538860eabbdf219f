package dev.ctx.keyservice.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.registry.ParticipantId;
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
            service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of("settlement"));
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
                assertThat(pinned.verify(KeyringSigningInput.canonicalBytes(keyring), KeyringSigningInput.signatureOf(keyring)))
                        .as("%s at offset %d", record.key(), record.offset()).isTrue();
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
            Ed25519VerifyingKey served = Ed25519VerifyingKey.of(Base64.getDecoder().decode(body.get("publicKey").asText()));
            assertThat(served).isEqualTo(api.service.signer.verifyingKey());
            assertThat(body.get("fingerprint").asText()).isEqualTo(served.fingerprint()).hasSize(64);
            assertThat(body.get("algorithm").asText()).isEqualTo("Ed25519");
        }
    }

    private static List<ConsumerRecord<String, ParticipantKeyring>> keyrings(StoreFixture service) {
        try (var serde = service.serde(ParticipantKeyring.class);
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, service.config.clientProperties().get("bootstrap.servers"),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            String topic = service.config.topics().participantKeys();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, ParticipantKeyring>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), serde.deserialize(topic, r.value())));
                }
            }
            return records;
        }
    }
}
