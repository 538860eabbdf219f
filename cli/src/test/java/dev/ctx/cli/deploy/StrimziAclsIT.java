package dev.ctx.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.keyservice.local.LocalKeyService;
import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;
import dev.ctx.testkit.kafka.BrokerProperties;
import dev.ctx.testkit.kafka.EmbeddedKafkaBroker;

/**
 * deploy/strimzi against a broker that enforces them: an embedded KRaft broker with the {@code StandardAuthorizer}, a
 * SASL/PLAIN listener whose user names are the {@code KafkaUser} names (Strimzi's TLS users get the same ACLs under
 * their certificate's principal), the topics of topics.yaml and exactly the ACLs of users.yaml. The shipped
 * key service's and processor's Kafka-facing settings from deploy/k8s (replication on, no topic creation, a
 * StatefulSet pod's {@code service.instance}, application id {@code ctx-processor}) then have to start and do their
 * work under their own principal alone: the key service leads, builds its lookup view and writes lifecycle changes
 * with their access events; the processor seals transactions that {@code ctx-consumer} reads. Transactions are
 * produced by the super user (the producers' one ACL is not what is tested).
 */
class StrimziAclsIT {

    private static final String PASSWORD = "it-only-password";
    private static final List<String> USERS = List.of("ctx-key-service", "ctx-processor", "ctx-consumer");
    /** The generator's default pool (GeneratorSettings.benchmarkDefault). */
    private static final List<String> PARTICIPANTS = List.of("client-1", "miner-1", "miner-2");

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static int saslPort;

    @BeforeAll
    static void startBrokerWithTheShippedTopicsAndAcls() throws Exception {
        int port = BrokerProperties.freeLoopbackPort();
        int controllerPort = BrokerProperties.freeLoopbackPort();
        saslPort = BrokerProperties.freeLoopbackPort();
        broker = new EmbeddedKafkaBroker(dir.resolve("broker"), port, controllerPort, authorizing(port, controllerPort))
                .start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(topics()).all().get();
            List<AclBinding> acls = acls();
            admin.createAcls(acls).all().get();
            awaitAcls(admin, acls.size());
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theKeyServiceAndTheProcessorRunWithOnlyTheirShippedAcls() throws Exception {
        // Given: the key service as deploy/k8s configures it, authenticated as ctx-key-service
        String registry = "mock://strimzi-acls-" + UUID.randomUUID();
        Map<String, String> config = new HashMap<>(keyServiceClient("ctx-key-service"));
        config.put("schema.registry.url", registry);
        config.put("http.port", "0");
        config.put("topics.create", "false");
        config.put("replication.enabled", "true");
        config.put("service.instance", "ctx-key-service-0");
        try (LocalKeyService service = LocalKeyService.start(dir.resolve("key-service"), config)) {
            HttpClient http = HttpClient.newHttpClient();
            awaitReady(http, service);

            // When: an operator registers the participants and the escrow key (lifecycle writes as the leader)
            KeyServiceClient operator = new KeyServiceClient(
                    service.url(), service.issueSteppedUpToken("operator-1", "operator", Duration.ofMinutes(10)));
            for (String id : PARTICIPANTS) {
                operator.registerParticipant(id, id.startsWith("client") ? "client" : "miner", List.of("settlement"));
                operator.createKey(id);
            }
            String escrowFingerprint =
                    operator.createEscrowKey().path("fingerprint").asText();

            // Then: the key service leads and wrote its access events
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create(service.url() + "/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("\"role\":\"leader\"");
            assertThat(keys("access-log.events", broker.bootstrapServers(), Map.of(), 1))
                    .isNotEmpty();

            // When: the processor as deploy/k8s configures it, authenticated as ctx-processor, seals transactions
            try (ProcessorApplication processor = ProcessorApplication.start(
                            ProcessorConfig.of(processorConfig(registry, service, escrowFingerprint)));
                    TransactionProducer producer = new TransactionProducer(
                            broker.bootstrapServers(), Map.of("schema.registry.url", registry), "transactions")) {
                awaitRunning(processor);
                producer.produce(
                        new TransactionGenerator(GeneratorSettings.benchmarkDefault("acls"), 1).asIterator(),
                        3,
                        0,
                        sent -> {});

                // Then: ctx-consumer reads the sealed records
                assertThat(keys("transactions.encrypted", "127.0.0.1:" + saslPort, client("ctx-consumer"), 3))
                        .hasSize(3);
            }
        }
    }

    @Test
    void theBrokerEnforcesTheAclsAConsumerMayNotReadSealedPrivateKeys() {
        // Given: ctx-consumer, whose ACLs name no key-custody
        Map<String, Object> props = new HashMap<>(client("ctx-consumer"));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            // When / Then
            assertThatThrownBy(() -> consumer.partitionsFor("key-custody", Duration.ofSeconds(20)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** ACLs reach the broker's authorizer through the metadata log, after the controller acknowledged them. */
    private static void awaitAcls(Admin admin, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (admin.describeAcls(AclBindingFilter.ANY).values().get().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the broker did not apply the " + count + " ACLs of users.yaml");
            }
            Thread.sleep(100);
        }
    }

    private static void awaitReady(HttpClient http, LocalKeyService service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = http.send(
                            HttpRequest.newBuilder(URI.create(service.url() + "/health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the key service was not ready within 90 s under the shipped ACLs: " + status);
    }

    /** Up to {@code expected} keys of {@code topic}'s committed records (30 s at most), read with {@code security}. */
    private static List<String> keys(String topic, String bootstrap, Map<String, String> security, int expected) {
        Map<String, Object> props = new HashMap<>(security);
        props.put("bootstrap.servers", bootstrap);
        props.put("isolation.level", "read_committed");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (keys.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }

    /** deploy/k8s/base/processor.properties' Kafka-facing settings, as ctx-processor on the SASL listener. */
    private static Map<String, String> processorConfig(
            String registry, LocalKeyService service, String escrowFingerprint) {
        Map<String, String> config = new HashMap<>();
        client("ctx-processor").forEach((key, value) -> config.put("streams." + key, value));
        config.put(ProcessorConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + saslPort);
        config.put(ProcessorConfig.SCHEMA_REGISTRY_URL_CONFIG, registry);
        config.put(ProcessorConfig.APPLICATION_ID_CONFIG, "ctx-processor");
        config.put(ProcessorConfig.INSTANCE_ID_CONFIG, "acls-1");
        config.put(ProcessorConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        config.put(ProcessorConfig.METRICS_HOST_CONFIG, "127.0.0.1");
        config.put(ProcessorConfig.METRICS_PORT_CONFIG, "0");
        config.put(ProcessorConfig.TOPICS_CREATE_CONFIG, "false");
        config.put(
                ProcessorConfig.KEYRING_SIGNING_PUBLIC_KEY_CONFIG,
                Base64.getEncoder().encodeToString(service.keyringSigningKey().bytes()));
        config.put(ProcessorConfig.ESCROW_PUBLIC_KEY_FINGERPRINT_CONFIG, escrowFingerprint);
        return config;
    }

    private static void awaitRunning(ProcessorApplication processor) throws InterruptedException {
        processor.awaitRunning(Duration.ofSeconds(90));
        assertThat(processor.state()).as("the processor under the shipped ACLs").isEqualTo(KafkaStreams.State.RUNNING);
    }

    /** Kafka client settings of {@code user} on the SASL listener. */
    private static Map<String, String> client(String user) {
        return Map.of(
                "bootstrap.servers",
                "127.0.0.1:" + saslPort,
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                jaas(user));
    }

    /** The same as key-service settings ({@code kafka.*}). */
    private static Map<String, String> keyServiceClient(String user) {
        Map<String, String> prefixed = new HashMap<>();
        client(user).forEach((key, value) -> prefixed.put("kafka." + key, value));
        return prefixed;
    }

    private static String jaas(String user) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                + PASSWORD + "\";";
    }

    /** A SASL/PLAIN listener for the KafkaUsers; the PLAINTEXT and controller listeners are the super user's. */
    private static Map<String, String> authorizing(int port, int controllerPort) {
        StringBuilder users = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        USERS.forEach(user -> users.append(" user_")
                .append(user)
                .append("=\"")
                .append(PASSWORD)
                .append('"'));
        users.append(';');
        Map<String, String> overrides = new HashMap<>();
        overrides.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort + ",SASL://127.0.0.1:"
                        + saslPort);
        overrides.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL://127.0.0.1:" + saslPort);
        overrides.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL:SASL_PLAINTEXT");
        overrides.put("listener.name.sasl.sasl.enabled.mechanisms", "PLAIN");
        overrides.put("listener.name.sasl.plain.sasl.jaas.config", users.toString());
        overrides.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        overrides.put("super.users", "User:ANONYMOUS");
        overrides.put("allow.everyone.if.no.acl.found", "false");
        return overrides;
    }

    /** topics.yaml's topics with their partitions and configs, on one broker (replication factor and min ISR 1). */
    private static List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        for (JsonNode topic : DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("strimzi/topics.yaml"))) {
            JsonNode spec = topic.path("spec");
            Map<String, String> configs = new HashMap<>();
            spec.path("config")
                    .properties()
                    .forEach(entry ->
                            configs.put(entry.getKey(), entry.getValue().asText()));
            configs.put("min.insync.replicas", "1");
            topics.add(new NewTopic(
                            spec.path("topicName").asText(),
                            spec.path("partitions").asInt(),
                            (short) 1)
                    .configs(configs));
        }
        return topics;
    }

    /** users.yaml's ACLs, each allowed for {@code User:<KafkaUser name>} from any host. */
    private static List<AclBinding> acls() {
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode user : DeployFiles.yamlDocuments(DeployFiles.ROOT.resolve("strimzi/users.yaml"))) {
            String principal = "User:" + user.path("metadata").path("name").asText();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                ResourcePattern pattern = new ResourcePattern(
                        ResourceType.valueOf(upperSnake(resource.path("type").asText())),
                        resource.path("name").asText(),
                        resource.path("patternType").asText("literal").equals("prefix")
                                ? PatternType.PREFIXED
                                : PatternType.LITERAL);
                for (JsonNode operation : acl.path("operations")) {
                    bindings.add(new AclBinding(
                            pattern,
                            new AccessControlEntry(
                                    principal,
                                    "*",
                                    AclOperation.valueOf(upperSnake(operation.asText())),
                                    AclPermissionType.ALLOW)));
                }
            }
        }
        return bindings;
    }

    /** {@code DescribeConfigs} → {@code DESCRIBE_CONFIGS}, {@code transactionalId} → {@code TRANSACTIONAL_ID}. */
    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
