package dev.ctx.keyservice.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.KeyService;
import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.testkit.kafka.SharedKafka;

/** {@code KeyService.start} runs the view from its configuration ({@code topic.*}, {@code lookup.*}). */
class KeyServiceLookupIT {

    @TempDir
    Path dir;

    @Test
    void startedServiceFindsATransactionThroughItsLookup() throws Exception {
        // Given: the processor's topics with one sealed transaction and its envelope
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        String encrypted = "transactions.encrypted" + suffix;
        String envelopes = "transactions.envelopes" + suffix;
        String registryUrl = "mock://lookup-it" + suffix;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(encrypted, 2, (short) 1),
                            new NewTopic(envelopes, 2, (short) 1)
                                    .configs(Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (ConfluentAvroSerde<EncryptedTransaction> records = ViewRecords.encryptedSerde(registryUrl);
                ConfluentAvroSerde<Envelope> envelopeSerde = ViewRecords.envelopeSerde(registryUrl);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            encrypted, "txn-1", records.serialize(encrypted, ViewRecords.sealed("txn-1"))))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(
                            envelopes, "txn-1", envelopeSerde.serialize(envelopes, ViewRecords.envelope("txn-1", 1))))
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, String> config = config(suffix, registryUrl);
        config.put("topic.encrypted", encrypted);
        config.put("topic.envelopes", envelopes);
        config.put("lookup.state.dir", dir.resolve("lookup").toString());

        // When
        try (KeyService service =
                KeyService.start(KeyServiceConfigLoader.load(config, Map.of("TEST_KEK_PASSWORD", "kek-password")))) {
            // Then
            await().atMost(Duration.ofSeconds(60))
                    .ignoreException(LookupUnavailableException.class)
                    .untilAsserted(() -> assertThat(service.lookup().find("txn-1"))
                            .isEqualTo(new LookupResult.Found(
                                    ViewRecords.sealed("txn-1"), ViewRecords.envelope("txn-1", 1))));
            assertThat(Files.isDirectory(dir.resolve("lookup").resolve("ctx-key-service-lookup-key-service-0")))
                    .as("the default application id, in lookup.state.dir")
                    .isTrue();
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
