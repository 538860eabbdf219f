package dev.ctx.keyservice.rewrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.envelope.EnvelopeOpener;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.keyservice.KeyService;
import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.lookup.LookupUnavailableException;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.keyservice.testing.RewrapFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * {@code KeyService.start} on the real broker serves {@code POST /v1/rewrap} from its lookup view: an epoch-wrapped
 * envelope of alice v1 is rewrapped to v2 and opens the same ciphertext with v2; the batch's {@code REWRAPPED} event
 * is on {@code access-log.events}; v1 is then retired at zero remaining envelopes and destroyed.
 */
class RewrapIT {

    private static final String TXN = "txn-rewrap-1";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theStartedServiceRewrapsAnEnvelopeFromItsViewAndRetiresTheOldVersion() throws Exception {
        // Given: a started key service with alice and bob on v1
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        String encrypted = "transactions.encrypted" + suffix;
        String envelopes = "transactions.envelopes" + suffix;
        String registryUrl = "mock://rewrap-it" + suffix;
        createTopics(encrypted, envelopes);
        Map<String, String> config = config(suffix, registryUrl);
        config.put("topic.encrypted", encrypted);
        config.put("topic.envelopes", envelopes);
        config.put("lookup.state.dir", dir.resolve("lookup").toString());
        try (KeyService service =
                KeyService.start(KeyServiceConfigLoader.load(config, Map.of("TEST_KEK_PASSWORD", "kek-password")))) {
            Recipient alice = participantWithKey(service, "alice");
            Recipient bob = participantWithKey(service, "bob");
            byte[] fingerprint = new byte[32];
            new SecureRandom().nextBytes(fingerprint);
            LookupResult.Found sealed = RewrapFixture.sealed(TXN, fingerprint, List.of(alice, bob), true);
            publish(registryUrl, encrypted, envelopes, sealed);
            assertThat(call(service, "POST", "/v1/participants/alice/keys/rotate", null)
                            .statusCode())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(60))
                    .ignoreException(LookupUnavailableException.class)
                    .until(() -> service.lookup().find(TXN) instanceof LookupResult.Found);
            RecipientWrap old = sealed.envelope().getWraps().stream()
                    .filter(w -> w.getRecipientId().equals("alice"))
                    .findFirst()
                    .orElseThrow();
            String body = "{\"participantId\": \"alice\", \"toVersion\": 2, \"items\": [{\"transactionId\": \"" + TXN
                    + "\", \"generation\": 1, \"wrap\": {\"keyVersion\": 1, \"wrap\": \""
                    + Base64.getEncoder().encodeToString(RewrapFixture.bytes(old.getWrap())) + "\"}}]}";

            // When
            HttpResponse<String> response = call(service, "POST", "/v1/rewrap", body);

            // Then
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode wrap = json.readTree(response.body()).get("results").get(0).get("wrap");
            assertThat(wrap.get("keyVersion").asInt()).isEqualTo(2);
            DekWrap fresh = DekWrap.parse(
                    "alice", 2, Base64.getDecoder().decode(wrap.get("wrap").asText()));
            X25519PrivateKey v2 = service.unsealCustodialKeyInProcess("system:test", "alice", 2);
            try {
                byte[] opened = EnvelopeOpener.create()
                        .openSerialized(
                                CiphertextPart.parse(RewrapFixture.bytes(
                                        sealed.transaction().getSealed().getCiphertext())),
                                fresh,
                                RecipientPrivateKey.of("alice", 2, v2),
                                sealedContext(sealed, fingerprint));
                assertThat(opened).isEqualTo(RewrapFixture.plaintextOf(TXN));
            } finally {
                v2.destroy();
            }
            assertThat(events(config.get("topic.access.events"), registryUrl))
                    .anyMatch(e -> e.getType() == AccessEventType.REWRAPPED
                            && "alice".equals(e.getSubject())
                            && "1".equals(e.getAttributes().get("rewrapped")));
            assertThat(call(service, "DELETE", "/v1/participants/alice/keys/1", null)
                            .statusCode())
                    .isEqualTo(409);
            assertThat(call(service, "POST", "/v1/participants/alice/keys/1/retire", "{\"remainingEnvelopes\": 0}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(call(service, "DELETE", "/v1/participants/alice/keys/1", null)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static TransactionContext sealedContext(LookupResult.Found sealed, byte[] fingerprint) {
        return TransactionContext.of(TXN, fingerprint, sealed.transaction().getParticipants());
    }

    private Recipient participantWithKey(KeyService service, String id) throws Exception {
        assertThat(call(
                                service,
                                "POST",
                                "/v1/participants",
                                "{\"id\":\"" + id + "\",\"role\":\"client\",\"kycStatus\":\"verified\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> key = call(service, "POST", "/v1/participants/" + id + "/keys", null);
        assertThat(key.statusCode()).isEqualTo(201);
        byte[] publicKey = Base64.getUrlDecoder()
                .decode(json.readTree(key.body()).get("publicKey").asText());
        return new Recipient(id, 1, X25519PublicKey.of(publicKey));
    }

    private HttpResponse<String> call(KeyService service, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ApiFixture.token("rewrap-job", "operator"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void createTopics(String encrypted, String envelopes) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(encrypted, 2, (short) 1),
                            new NewTopic(envelopes, 2, (short) 1)
                                    .configs(Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void publish(String registryUrl, String encrypted, String envelopes, LookupResult.Found sealed)
            throws Exception {
        try (ConfluentAvroSerde<EncryptedTransaction> records = serde(EncryptedTransaction.class, registryUrl);
                ConfluentAvroSerde<Envelope> envelopeSerde = serde(Envelope.class, registryUrl);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(encrypted, TXN, records.serialize(encrypted, sealed.transaction())))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(envelopes, TXN, envelopeSerde.serialize(envelopes, sealed.envelope())))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static <T extends SpecificRecord> ConfluentAvroSerde<T> serde(Class<T> type, String registryUrl) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return serde;
    }

    /** The committed events of {@code topic}, from the beginning to its current end. */
    private static List<AccessEvent> events(String topic, String registryUrl) {
        try (ConfluentAvroSerde<AccessEvent> serde = serde(AccessEvent.class, registryUrl);
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                SharedKafka.bootstrapServers(),
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<AccessEvent> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(serde.deserialize(topic, r.value()));
                }
            }
            return events;
        }
    }

    private Map<String, String> config(String suffix, String registryUrl) throws Exception {
        Path secret = dir.resolve("jwt-secret");
        Files.write(secret, ApiFixture.SECRET);
        Path keystore = dir.resolve("kek.p12");
        Pkcs12KeystoreKek.createWithNewKey(keystore, "kek-password".toCharArray(), "master-kek");
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", SharedKafka.bootstrapServers());
        config.put("schema.registry.url", registryUrl);
        config.put("topic.participant.keys", "participant-keys" + suffix);
        config.put("topic.key.custody", "key-custody" + suffix);
        config.put("topic.access.events", "access-log.events" + suffix);
        config.put("store.transactional.id", "key-service" + suffix);
        config.put("http.port", "0");
        config.put("auth.jwt.issuer", ApiFixture.ISSUER);
        config.put("auth.jwt.audience", ApiFixture.AUDIENCE);
        config.put("auth.jwt.hs256.secret.file", secret.toString());
        config.put("kek.pkcs12.path", keystore.toString());
        config.put("kek.pkcs12.password.env", "TEST_KEK_PASSWORD");
        return config;
    }
}
