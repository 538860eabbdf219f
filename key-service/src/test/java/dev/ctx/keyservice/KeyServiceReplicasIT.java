package dev.ctx.keyservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.keyservice.access.SealedSample;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.keyservice.testing.ForkedKeyService;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.testkit.kafka.SharedKafka;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * Two key-service replicas in child JVMs on one {@code store.transactional.id} ({@code replication.enabled}): both
 * answer access requests and reads, the follower refuses lifecycle writes with 503 {@code not-leader}, and when the
 * leader is frozen (SIGSTOP) or killed (SIGKILL) the other takes over within a bounded time; the frozen leader that
 * wakes up cannot write (its producer was fenced), and no acknowledged write is lost or applied twice.
 */
class KeyServiceReplicasIT {

    private static final String PASSWORD_ENV = "TEST_KEK_PASSWORD";
    private static final int SESSION_TIMEOUT_MS = 6_000;
    /** Generous: the session timeout, the new leader's takeover (fence + replay) and a loaded 2-core machine. */
    private static final Duration FAILOVER_BOUND =
            Duration.ofMillis(SESSION_TIMEOUT_MS).plusSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<ForkedKeyService> replicas = new ArrayList<>();
    private SchemaRegistryServer registry;
    private String suffix;

    @AfterEach
    void stop() throws InterruptedException {
        for (ForkedKeyService replica : replicas) {
            replica.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void twoReplicasServeOneLeaderWritesAndTheOtherTakesOverFencingAFrozenOrKilledLeader() throws Exception {
        // Given: a shared registry (both JVMs must agree on schema ids), the KEK, and replica a started first (leader)
        registry = SchemaRegistryServer.builder().build().start();
        suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> common = commonConfig();
        createViewTopics();
        ForkedKeyService a = replica("replica-a", common);
        assertThat(health(a).get("role").asText()).as(a.log()).isEqualTo("leader");
        Map<String, String> publicKeys = new HashMap<>();
        for (String id : List.of("client-1", "miner-1")) {
            assertThat(register(a, id, id.startsWith("client") ? "client" : "miner"))
                    .isEqualTo(201);
            HttpResponse<String> key = send(a, "POST", "/v1/participants/" + id + "/keys", operator(), "");
            assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
            publicKeys.put(id, json.readTree(key.body()).get("publicKey").asText());
        }
        publishSealedTransaction(publicKeys);
        ForkedKeyService b = replica("replica-b", common);
        assertThat(health(b).get("role").asText()).isEqualTo("follower");
        assertThat(health(b).get("leader").asText()).isEqualTo("replica-a");

        // Then: both answer an access request (KEY_OPENED through each replica's own producer) and a read
        for (ForkedKeyService replica : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() ->
                            assertThat(accessRequest(replica).statusCode()).isEqualTo(200));
            assertThat(send(replica, "GET", "/v1/participants/client-1", operator(), null)
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(metrics(a)).contains("ctx_key_service_leader 1.0");
        assertThat(metrics(b)).contains("ctx_key_service_leader 0.0");

        // When: a lifecycle write reaches the follower
        HttpResponse<String> refused = send(b, "POST", "/v1/participants", operator(), registration("carol", "miner"));
        // Then: 503 not-leader naming the leader, with Retry-After; nothing was written
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json.readTree(refused.body()).get("type").asText()).isEqualTo("https://ctx.dev/problems/not-leader");
        assertThat(json.readTree(refused.body()).get("detail").asText()).contains("replica-a");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        // and a write on the leader reaches the follower's copy
        assertThat(register(a, "dave", "miner")).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(send(b, "GET", "/v1/participants/dave", operator(), null)
                                .statusCode())
                        .isEqualTo(200));

        // When: the leader freezes (SIGSTOP: no heartbeats, its producer and state kept)
        a.freeze();
        Duration stopFailover = timeUntilAccepted(b, "erin");
        System.out.println("[KeyServiceReplicasIT] failover after SIGSTOP of the leader: " + stopFailover.toMillis()
                + " ms (session timeout " + SESSION_TIMEOUT_MS + " ms)");
        // Then: the follower took over within the bound
        assertThat(stopFailover).isLessThan(FAILOVER_BOUND);
        assertThat(health(b).get("role").asText()).isEqualTo("leader");

        // When: the frozen leader wakes up and is asked to write at once
        a.wake();
        HttpResponse<String> stale = send(a, "POST", "/v1/participants", operator(), registration("frank", "miner"));
        // Then: its write fails (fenced, or it already knows it follows) and does not land
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(503);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(health(a).get("role").asText()).isEqualTo("follower"));
        assertThat(send(b, "GET", "/v1/participants/frank", operator(), null).statusCode())
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(send(a, "GET", "/v1/participants/erin", operator(), null)
                                .statusCode())
                        .as("the woken replica follows the new leader's writes")
                        .isEqualTo(200));

        // and the group settled with both members (so the kill below is measured from a stable group)
        awaitStableGroupOfTwo();
        // and the rejoined replica did not take the leadership back (sticky assignment: no needless failover)
        assertThat(health(b).get("role").asText()).isEqualTo("leader");
        assertThat(health(a).get("role").asText()).isEqualTo("follower");

        // When: the new leader is killed (SIGKILL: no leaving the group, no abort)
        b.kill();
        Duration killFailover = timeUntilAccepted(a, "grace");
        System.out.println("[KeyServiceReplicasIT] failover after SIGKILL of the leader: " + killFailover.toMillis()
                + " ms (session timeout " + SESSION_TIMEOUT_MS + " ms)");
        // Then
        assertThat(killFailover).isLessThan(FAILOVER_BOUND);
        assertThat(health(a).get("role").asText()).isEqualTo("leader");

        // And: every acknowledged registration is there exactly once, the refused ones are not
        Map<String, Integer> registered = registrations();
        assertThat(registered)
                .containsEntry("client-1", 1)
                .containsEntry("miner-1", 1)
                .containsEntry("dave", 1)
                .containsEntry("erin", 1)
                .containsEntry("grace", 1)
                .doesNotContainKeys("carol", "frank");
        for (String id : List.of("client-1", "miner-1", "dave", "erin", "grace")) {
            assertThat(send(a, "GET", "/v1/participants/" + id, operator(), null)
                            .statusCode())
                    .as(id)
                    .isEqualTo(200);
        }
    }

    /**
     * Retries one registration on {@code replica} until it is accepted (201; a 503 changed nothing) and returns how
     * long that took.
     */
    private Duration timeUntilAccepted(ForkedKeyService replica, String id) throws Exception {
        long start = System.nanoTime();
        long deadline = start + FAILOVER_BOUND.plusSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response =
                    send(replica, "POST", "/v1/participants", operator(), registration(id, "miner"));
            if (response.statusCode() == 201) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            Thread.sleep(100);
        }
        throw new AssertionError("no replica accepted the write within " + FAILOVER_BOUND.plusSeconds(30));
    }

    private void awaitStableGroupOfTwo() {
        String group = "key-service" + suffix + "-leader";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ConsumerGroupDescription described = admin.describeConsumerGroups(List.of(group))
                        .describedGroups()
                        .get(group)
                        .get(10, TimeUnit.SECONDS);
                assertThat(described.groupState()).isEqualTo(GroupState.STABLE);
                assertThat(described.members()).hasSize(2);
            });
        }
    }

    private ForkedKeyService replica(String instance, Map<String, String> common) throws InterruptedException {
        Map<String, String> config = new HashMap<>(common);
        config.put("service.instance", instance);
        config.put("lookup.state.dir", dir.resolve(instance).resolve("lookup").toString());
        ForkedKeyService replica =
                ForkedKeyService.start(dir.resolve(instance), config, Map.of(PASSWORD_ENV, "kek-password"));
        replicas.add(replica);
        return replica;
    }

    private Map<String, String> commonConfig() throws IOException {
        Path secret = dir.resolve("jwt-secret");
        Files.write(secret, ApiFixture.SECRET);
        Path keystore = dir.resolve("kek.p12");
        Pkcs12KeystoreKek.createWithNewKey(keystore, "kek-password".toCharArray(), "master-kek");
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", SharedKafka.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        config.put("topic.participant.keys", "participant-keys" + suffix);
        config.put("topic.key.custody", "key-custody" + suffix);
        config.put("topic.access.events", "access-log.events" + suffix);
        config.put("topic.access.grants", "access-grants" + suffix);
        config.put("topic.escrow.requests", "escrow-requests" + suffix);
        config.put("topic.envelope.commands", "transactions.envelope-commands" + suffix);
        config.put("topic.encrypted", "transactions.encrypted" + suffix);
        config.put("topic.envelopes", "transactions.envelopes" + suffix);
        config.put("store.transactional.id", "key-service" + suffix);
        config.put("store.timeout.ms", "10000");
        config.put("replication.enabled", "true");
        config.put("replication.topic", "key-service.leader" + suffix);
        config.put("replication.session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
        config.put("replication.refresh.interval.ms", "500");
        config.put("auth.jwt.issuer", ApiFixture.ISSUER);
        config.put("auth.jwt.audience", ApiFixture.AUDIENCE);
        config.put("auth.jwt.hs256.secret.file", secret.toString());
        config.put("kek.pkcs12.path", keystore.toString());
        config.put("kek.pkcs12.password.env", PASSWORD_ENV);
        return config;
    }

    private void createViewTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic("transactions.encrypted" + suffix, 1, (short) 1),
                            new NewTopic("transactions.envelopes" + suffix, 1, (short) 1)
                                    .configs(Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The sample transaction sealed for both participants' custodial keys, as the processor writes it. */
    private void publishSealedTransaction(Map<String, String> publicKeys) throws Exception {
        List<Recipient> recipients = publicKeys.entrySet().stream()
                .map(e -> new Recipient(
                        e.getKey(), 1, X25519PublicKey.of(Base64.getUrlDecoder().decode(e.getValue()))))
                .toList();
        SealedSample sample = SealedSample.sealFor(recipients);
        String encrypted = "transactions.encrypted" + suffix;
        String envelopes = "transactions.envelopes" + suffix;
        try (ConfluentAvroSerde<EncryptedTransaction> records = serde(EncryptedTransaction.class);
                ConfluentAvroSerde<Envelope> envelopeSerde = serde(Envelope.class);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            encrypted, SealedSample.TXN, records.serialize(encrypted, sample.encrypted)))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(
                            envelopes, SealedSample.TXN, envelopeSerde.serialize(envelopes, sample.envelope)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** PARTICIPANT_REGISTERED events per participant on the access log (read_committed). */
    private Map<String, Integer> registrations() {
        String topic = "access-log.events" + suffix;
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (ConfluentAvroSerde<AccessEvent> events = serde(AccessEvent.class);
                KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    AccessEvent event = events.deserialize(topic, record.value());
                    if (event.getType() == AccessEventType.PARTICIPANT_REGISTERED) {
                        counts.merge(event.getSubject(), 1, Integer::sum);
                    }
                });
            }
        }
        return counts;
    }

    private <T extends SpecificRecord> ConfluentAvroSerde<T> serde(Class<T> type) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        return serde;
    }

    private int register(ForkedKeyService replica, String id, String role) throws Exception {
        return send(replica, "POST", "/v1/participants", operator(), registration(id, role))
                .statusCode();
    }

    /** A fresh operator token (the test outlives one token's five minutes on a loaded machine). */
    private static String operator() {
        return ApiFixture.token("operator-1", "operator");
    }

    private static String registration(String id, String role) {
        return "{\"id\":\"" + id + "\",\"role\":\"" + role
                + "\",\"kycStatus\":\"verified\",\"allowedPurposes\":[\"settlement\"]}";
    }

    private HttpResponse<String> accessRequest(ForkedKeyService replica) throws Exception {
        return send(
                replica,
                "POST",
                "/v1/access-requests",
                ApiFixture.token("miner-1", "participant", List.of("pwd", "otp")),
                "{\"transactionId\": \"" + SealedSample.TXN + "\", \"purpose\": \"settlement\"}");
    }

    private JsonNode health(ForkedKeyService replica) throws Exception {
        return json.readTree(send(replica, "GET", "/health", null, null).body());
    }

    private String metrics(ForkedKeyService replica) throws Exception {
        return send(replica, "GET", "/metrics", operator(), null).body();
    }

    private HttpResponse<String> send(ForkedKeyService replica, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.url() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
