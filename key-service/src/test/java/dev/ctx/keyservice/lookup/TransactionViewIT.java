package dev.ctx.keyservice.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.testkit.files.Directories;
import dev.ctx.testkit.kafka.SharedKafka;

/** The view on the real embedded broker, with the real serdes on a mock:// registry, as the processor writes. */
class TransactionViewIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
    private final ViewTopics topics =
            new ViewTopics("transactions.encrypted" + suffix, "transactions.envelopes" + suffix);
    private final String registryUrl = "mock://view-it" + suffix;
    private Admin admin;
    private ConfluentAvroSerde<EncryptedTransaction> encryptedSerde;
    private ConfluentAvroSerde<Envelope> envelopeSerde;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()));
        encryptedSerde = ViewRecords.encryptedSerde(registryUrl);
        envelopeSerde = ViewRecords.envelopeSerde(registryUrl);
    }

    @AfterEach
    void disconnect() {
        admin.close();
        encryptedSerde.close();
        envelopeSerde.close();
    }

    @Test
    void findsTransactionsShreddedAndUnknownIdsAndRebuildsAfterLosingItsState() throws Exception {
        // Given: what the processor writes, plus an aborted newer envelope that read_committed must not show
        createTopics(3, 3);
        try (KafkaProducer<String, byte[]> producer = producer("view-it" + suffix)) {
            producer.initTransactions();
            producer.beginTransaction();
            send(
                    producer,
                    topics.encrypted(),
                    "txn-found",
                    encryptedSerde.serialize(topics.encrypted(), ViewRecords.sealed("txn-found")));
            send(producer, topics.envelopes(), "txn-found", envelope(ViewRecords.envelope("txn-found", 1)));
            send(producer, topics.envelopes(), "txn-found", envelope(ViewRecords.envelope("txn-found", 2)));
            send(
                    producer,
                    topics.encrypted(),
                    "txn-shredded",
                    encryptedSerde.serialize(topics.encrypted(), ViewRecords.sealed("txn-shredded")));
            send(producer, topics.envelopes(), "txn-shredded", envelope(ViewRecords.envelope("txn-shredded", 1)));
            send(producer, topics.envelopes(), "txn-shredded", null);
            producer.commitTransaction();
            producer.beginTransaction();
            send(producer, topics.envelopes(), "txn-found", envelope(ViewRecords.envelope("txn-found", 3)));
            producer.flush();
            producer.abortTransaction();
        }
        Path stateDir = dir.resolve("state");
        LookupResult found =
                new LookupResult.Found(ViewRecords.sealed("txn-found"), ViewRecords.envelope("txn-found", 2));

        // When
        try (TransactionView view = TransactionView.start(settings(stateDir))) {
            // Then
            awaitResult(view, found);
            awaitResult(view, new LookupResult.Shredded("txn-shredded"));
            assertThat(view.find("txn-never")).isEqualTo(new LookupResult.Unknown("txn-never"));
            assertThat(changelogConfig()
                            .get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG)
                            .value())
                    .as("replaced wraps are compacted away within a day")
                    .isEqualTo("86400000");
        }

        // When: the state directory is lost, as on a new pod
        Directories.deleteRecursively(stateDir);
        try (TransactionView view = TransactionView.start(settings(stateDir))) {
            // Then: rebuilt from its topics
            awaitResult(view, found);
            awaitResult(view, new LookupResult.Shredded("txn-shredded"));
        }
    }

    @Test
    void isUnavailableUntilItsTopicsExistThenAnswers() throws Exception {
        // Given: the key service starts before the processor created the topics
        try (TransactionView view = TransactionView.start(settings(dir.resolve("state")))) {
            assertThatThrownBy(() -> view.find("txn-1"))
                    .isInstanceOf(LookupUnavailableException.class)
                    .hasMessageContaining("waits for its topics");

            // When
            createTopics(2, 2);
            try (KafkaProducer<String, byte[]> producer = producer(null)) {
                send(
                        producer,
                        topics.encrypted(),
                        "txn-1",
                        encryptedSerde.serialize(topics.encrypted(), ViewRecords.sealed("txn-1")));
                send(producer, topics.envelopes(), "txn-1", envelope(ViewRecords.envelope("txn-1", 1)));
            }

            // Then
            awaitResult(view, new LookupResult.Found(ViewRecords.sealed("txn-1"), ViewRecords.envelope("txn-1", 1)));
        }
    }

    @Test
    void replicasSharingAnApplicationIdRefuseToAnswerRatherThanMissHalfTheIds() throws Exception {
        // Given: two replicas misconfigured with one application id split the partitions
        createTopics(2, 2);
        try (TransactionView first = TransactionView.start(settings(dir.resolve("first")));
                TransactionView second = TransactionView.start(settings(dir.resolve("second")))) {
            // When / Then
            for (TransactionView view : List.of(first, second)) {
                await().atMost(WAIT)
                        .untilAsserted(() -> assertThatThrownBy(() -> view.find("txn-1"))
                                .isInstanceOf(LookupUnavailableException.class)
                                .hasMessageContaining("does not hold every partition"));
            }
        }
    }

    @Test
    void refusesToStartOnTopicsWithDifferentPartitionCounts() throws Exception {
        // Given
        createTopics(3, 2);
        // When / Then
        assertThatThrownBy(() -> TransactionView.start(settings(dir.resolve("state"))))
                .isInstanceOf(ViewTopicsException.class)
                .hasMessageContaining(topics.encrypted() + " (3 partitions)")
                .hasMessageContaining(topics.envelopes() + " (2 partitions)");
    }

    /** The view answers {@code expected} once it has caught up (partitions are processed independently). */
    private static void awaitResult(TransactionView view, LookupResult expected) {
        String id = expected instanceof LookupResult.Found found
                ? found.transaction().getTransactionId()
                : ((LookupResult.Shredded) expected).transactionId();
        await().atMost(WAIT)
                .ignoreException(LookupUnavailableException.class)
                .untilAsserted(() -> assertThat(view.find(id)).isEqualTo(expected));
    }

    private ViewSettings settings(Path stateDir) {
        return new ViewSettings(
                "view-it" + suffix,
                stateDir,
                topics,
                Map.of("bootstrap.servers", SharedKafka.bootstrapServers()),
                ViewRecords.registry(registryUrl),
                Duration.ofSeconds(10));
    }

    private Config changelogConfig() throws Exception {
        ConfigResource changelog = new ConfigResource(
                ConfigResource.Type.TOPIC, "view-it" + suffix + "-" + TransactionViewTopology.STORE + "-changelog");
        return admin.describeConfigs(List.of(changelog))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(changelog);
    }

    private void createTopics(int encryptedPartitions, int envelopePartitions) throws Exception {
        admin.createTopics(List.of(
                        new NewTopic(topics.encrypted(), encryptedPartitions, (short) 1),
                        new NewTopic(topics.envelopes(), envelopePartitions, (short) 1)
                                .configs(
                                        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                .all()
                .get(30, TimeUnit.SECONDS);
    }

    private byte[] envelope(Envelope envelope) {
        return envelopeSerde.serialize(topics.envelopes(), envelope);
    }

    private static KafkaProducer<String, byte[]> producer(String transactionalId) {
        Map<String, Object> config =
                new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
}
