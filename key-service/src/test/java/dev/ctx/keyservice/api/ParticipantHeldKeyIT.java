package dev.ctx.keyservice.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.envelope.HpkeChallenge;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.byok.IssuedChallenge;
import dev.ctx.keyservice.byok.ParticipantHeldKeys;
import dev.ctx.keyservice.byok.PossessionProtocol;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.signing.KeyringSigningInput;

/** Participant-held keys over HTTP on the real broker: proof of possession, the signed keyring, the refusals. */
class ParticipantHeldKeyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start(dir, Clock.systemUTC());
        for (String id : List.of("miner-1", "miner-2", "miner-3", "client-1")) {
            api.operator(
                    "POST",
                    "/v1/participants",
                    "{\"id\":\"" + id + "\",\"role\":\"miner\",\"kycStatus\":\"verified\"}");
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aProvenKeyBecomesCurrentInTheSignedKeyringAndIsNeverOpenedByTheService() throws Exception {
        // Given
        X25519KeyPair own = X25519KeyPair.generate();
        JsonNode challenge = challenge("miner-1", own);
        // When
        HttpResponse<String> proof = prove("miner-1", challenge, open("miner-1", own, challenge));
        // Then
        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
        JsonNode key = JSON.readTree(proof.body());
        assertThat(key.get("version").asInt()).isEqualTo(1);
        assertThat(Base64.getUrlDecoder().decode(key.get("publicKey").asText()))
                .isEqualTo(own.publicKey().bytes());
        ParticipantKeyring keyring = latestKeyring(api.service, "miner-1");
        assertThat(keyring.getCurrentVersion()).isEqualTo(1);
        assertThat(bytes(keyring.getKeys().get(0).getPublicKey()))
                .isEqualTo(own.publicKey().bytes());
        assertThat(api.service
                        .signer
                        .verifyingKey()
                        .verify(KeyringSigningInput.canonicalBytes(keyring), KeyringSigningInput.signatureOf(keyring)))
                .isTrue();
        assertThat(AccessLog.read(api.service))
                .filteredOn(e -> "miner-1".equals(e.getSubject()))
                .extracting(AccessEvent::getType)
                .contains(AccessEventType.KEY_POSSESSION_CHALLENGED, AccessEventType.KEY_POSSESSION_PROVEN);
        assertThat(api.service
                        .states
                        .require(ParticipantId.parse("miner-1"))
                        .custody()
                        .keys())
                .isEmpty();
        assertThatThrownBy(() -> api.service.keys.openCustodialKeyAudited(
                        new AuditContext("test", null, null), ParticipantId.parse("miner-1"), 1))
                .isInstanceOf(ParticipantHeldKeyException.class);
        own.destroy();
    }

    @Test
    void aWrongAnswerIsRefusedWith403AndTheChallengeIsSpent() throws Exception {
        // Given
        X25519KeyPair own = X25519KeyPair.generate();
        JsonNode challenge = challenge("miner-2", own);
        byte[] answer = open("miner-2", own, challenge);
        byte[] wrong = answer.clone();
        wrong[31] ^= 0x55;
        // When
        HttpResponse<String> refused = prove("miner-2", challenge, wrong);
        // Then
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("proof-failed");
        assertThat(prove("miner-2", challenge, answer).statusCode()).isEqualTo(410);
        assertThat(latestKeyring(api.service, "miner-2").getKeys()).isEmpty();
        assertThat(AccessLog.awaitAtLeast(
                        api.service, e -> "PROOF_FAILED".equals(e.getReason()), 1, Duration.ofSeconds(10)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getOutcome()).isEqualTo(AccessOutcome.DENIED);
                    assertThat(e.getRequester()).isEqualTo("miner-2");
                });
        own.destroy();
    }

    @Test
    void anUnknownChallengeIsGone() {
        // When
        HttpResponse<String> response = api.call(
                "POST",
                "/v1/participants/miner-3/keys/1/proof",
                ApiFixture.token("miner-3", "participant"),
                "{\"challengeId\":\"00000000-0000-4000-8000-000000000000\",\"answer\":\"AAAA\"}");
        // Then
        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("challenge-expired");
    }

    @Test
    void onlyTheParticipantItselfMayRegisterAParticipantHeldKey() {
        // Given
        String body = "{\"publicKey\":\""
                + Base64.getEncoder()
                        .encodeToString(X25519KeyPair.generate().publicKey().bytes()) + "\"}";
        // When / Then
        assertThat(api.call("POST", "/v1/participants/client-1/keys", ApiFixture.token("operator-1", "operator"), body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.call("POST", "/v1/participants/client-1/keys", ApiFixture.token("miner-1", "participant"), body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.call(
                                "POST",
                                "/v1/participants/client-1/keys/1/proof",
                                ApiFixture.token("operator-1", "operator"),
                                "{\"challengeId\":\"00000000-0000-4000-8000-000000000000\",\"answer\":\"AAAA\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(latestKeyring(api.service, "client-1").getKeys()).isEmpty();
    }

    @Test
    void aKeyThatIsNot32BytesIsABadRequest() {
        // When
        HttpResponse<String> response = api.call(
                "POST",
                "/v1/participants/client-1/keys",
                ApiFixture.token("client-1", "participant"),
                "{\"publicKey\":\"AAAA\"}");
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void theParticipantHeldMarkIsReplayedFromKeyCustodyAfterARestart(@TempDir Path ownDir) {
        try (StoreFixture service = StoreFixture.start(ownDir, Clock.systemUTC())) {
            // Given: a custodial v1, then a proven participant-held v2
            AuditContext operator = new AuditContext("operator-1", null, null);
            ParticipantId carol = ParticipantId.parse("carol");
            service.registry.register(operator, carol, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
            service.keys.createKey(operator, carol);
            ParticipantHeldKeys byok = new ParticipantHeldKeys(
                    service.keys,
                    new AccessEvents("key-service/test", Clock.systemUTC()),
                    event -> {},
                    Clock.systemUTC(),
                    Duration.ofMinutes(5));
            X25519KeyPair own = X25519KeyPair.generate();
            IssuedChallenge challenge =
                    byok.challenge(operator, carol, own.publicKey().bytes());
            byte[] answer = HpkeChallenge.open(
                    own.privateKey(), challenge.enc(), challenge.ciphertext(), challenge.info(), challenge.aad());
            byok.prove(operator, carol, challenge.keyVersion(), challenge.challengeId(), answer);
            // When
            service.restart();
            // Then
            assertThat(service.registry.get(carol).currentVersion()).isEqualTo(2);
            assertThat(service.states.require(carol).custody().isParticipantHeld(2))
                    .isTrue();
            service.keys.openCustodialKeyAudited(operator, carol, 1).destroy();
            assertThatThrownBy(() -> service.keys.openCustodialKeyAudited(operator, carol, 2))
                    .isInstanceOf(ParticipantHeldKeyException.class);
            own.destroy();
        }
    }

    private static JsonNode challenge(String id, X25519KeyPair own) throws Exception {
        HttpResponse<String> response = api.call(
                "POST",
                "/v1/participants/" + id + "/keys",
                ApiFixture.token(id, "participant"),
                "{\"publicKey\":\""
                        + Base64.getEncoder().encodeToString(own.publicKey().bytes()) + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    /** The participant's side: rebuild info and aad, refuse anything else, open with its own private key. */
    private static byte[] open(String id, X25519KeyPair own, JsonNode challenge) {
        int version = challenge.get("keyVersion").asInt();
        String challengeId = challenge.get("challengeId").asText();
        byte[] info = PossessionProtocol.info(id, version, challengeId);
        byte[] aad = PossessionProtocol.aad(id, version, challengeId);
        assertThat(decode(challenge, "info")).isEqualTo(info);
        assertThat(decode(challenge, "aad")).isEqualTo(aad);
        return HpkeChallenge.open(
                own.privateKey(), decode(challenge, "enc"), decode(challenge, "ciphertext"), info, aad);
    }

    private static HttpResponse<String> prove(String id, JsonNode challenge, byte[] answer) {
        return api.call(
                "POST",
                "/v1/participants/" + id + "/keys/"
                        + challenge.get("keyVersion").asInt() + "/proof",
                ApiFixture.token(id, "participant"),
                "{\"challengeId\":\"" + challenge.get("challengeId").asText() + "\",\"answer\":\""
                        + Base64.getEncoder().encodeToString(answer) + "\"}");
    }

    private static byte[] decode(JsonNode node, String field) {
        return Base64.getDecoder().decode(node.get(field).asText());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static ParticipantKeyring latestKeyring(StoreFixture service, String id) {
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
            List<ParticipantKeyring> keyrings = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(r.key())) {
                        keyrings.add(serde.deserialize(topic, r.value()));
                    }
                }
            }
            return keyrings.get(keyrings.size() - 1);
        }
    }
}
