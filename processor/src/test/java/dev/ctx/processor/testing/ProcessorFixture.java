package dev.ctx.processor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.topics.EncryptionTopics;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * One processor deployment on the shared broker for integration tests: unique topic names and application id, the
 * participants' real keyrings, serdes on the given registry, and the processor configuration pointing at them.
 */
public final class ProcessorFixture implements AutoCloseable {

    /** How long reading the expected outputs may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(120);

    public final String bootstrap;
    public final String applicationId = SharedKafka.uniqueName("ctx-encrypt-it");
    public final TopicNames topics = uniqueTopics();
    public final TestKeyrings keys;
    public final TopologySerdes serdes;
    private final String registryUrl;

    public ProcessorFixture(String registryUrl, Collection<String> participants) {
        this(registryUrl, participants, SharedKafka.bootstrapServers());
    }

    /** On the broker at {@code bootstrap} instead of the shared one (e.g. one with its own log cleaner settings). */
    public ProcessorFixture(String registryUrl, Collection<String> participants, String bootstrap) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        this.keys = TestKeyrings.forParticipants(participants);
        this.serdes = TopologySerdes.create(Map.of(ProcessorConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl));
    }

    /** Creates the topics with their cleanup policies and publishes every keyring (participants and escrow). */
    public ProcessorFixture prepare() {
        return prepare(3);
    }

    /** Like {@link #prepare()}, with {@code partitions} partitions per topic. */
    public ProcessorFixture prepare(int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicProvisioner(admin, partitions, (short) 1).ensure(EncryptionTopics.specs(topics), true);
        }
        try (KafkaProducer<String, Object> producer = producer(serdes.keyring().serializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            keys.all()
                    .forEach((id, keyring) ->
                            acks.add(producer.send(new ProducerRecord<>(topics.participantKeys(), id, keyring))));
            awaitAcks(acks);
        }
        return this;
    }

    /** Publishes {@code keyring} under {@code recordKey} to {@code participant-keys} and waits for the ack. */
    public void publish(String recordKey, ParticipantKeyring keyring) {
        try (KafkaProducer<String, Object> producer = producer(serdes.keyring().serializer())) {
            awaitAcks(List.of(producer.send(new ProducerRecord<>(topics.participantKeys(), recordKey, keyring))));
        }
    }

    /** Produces {@code transactions} to the input topic, keyed by transaction id, and waits for the acks. */
    public void produce(List<Transaction> transactions) {
        try (KafkaProducer<String, Object> producer =
                producer(serdes.transaction().serializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            transactions.forEach(transaction -> acks.add(producer.send(
                    new ProducerRecord<>(topics.transactions(), transaction.getTransactionId(), transaction))));
            awaitAcks(acks);
        }
    }

    /** Fails the test when the broker did not take a record, instead of letting a later count come up short. */
    private static void awaitAcks(List<Future<RecordMetadata>> acks) {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the broker did not acknowledge a record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The processor configuration: this fixture's broker, registry, topics and application id. */
    public Map<String, String> config(String instanceId) {
        Map<String, String> config = new HashMap<>();
        config.put(ProcessorConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProcessorConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        config.put(ProcessorConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(ProcessorConfig.INSTANCE_ID_CONFIG, instanceId);
        config.put(ProcessorConfig.STATE_DIR_CONFIG, "target/streams-state/" + instanceId);
        config.put(ProcessorConfig.METRICS_HOST_CONFIG, "127.0.0.1");
        config.put(ProcessorConfig.METRICS_PORT_CONFIG, "0");
        config.put(ProcessorConfig.TOPICS_CREATE_CONFIG, "false");
        config.put(ProcessorConfig.TOPIC_TRANSACTIONS_CONFIG, topics.transactions());
        config.put(ProcessorConfig.TOPIC_ENCRYPTED_CONFIG, topics.encrypted());
        config.put(ProcessorConfig.TOPIC_ENVELOPES_CONFIG, topics.envelopes());
        config.put(ProcessorConfig.TOPIC_PARTICIPANT_KEYS_CONFIG, topics.participantKeys());
        config.put(ProcessorConfig.TOPIC_ACCESS_EVENTS_CONFIG, topics.accessEvents());
        config.put(ProcessorConfig.TOPIC_DLQ_CONFIG, topics.deadLetters());
        config.put(ProcessorConfig.TOPIC_ENVELOPE_COMMANDS_CONFIG, topics.envelopeCommands());
        config.put(ProcessorConfig.TOPIC_RECEIPTS_CONFIG, topics.receipts());
        config.putAll(TestKeyrings.pins());
        return config;
    }

    /**
     * {@link #config} for tests that kill instances: commits every {@code commitInterval} (so a kill can land in an
     * open transaction), notices a dead member after 6 s and aborts its orphaned transaction after 5 s, so the test
     * spends its time on the run rather than on timeouts.
     */
    public Map<String, String> crashTolerantConfig(String instanceId, Duration commitInterval) {
        Map<String, String> config = config(instanceId);
        config.put("streams.commit.interval.ms", Long.toString(commitInterval.toMillis()));
        config.put("streams.consumer.session.timeout.ms", "6000");
        config.put("streams.consumer.heartbeat.interval.ms", "1000");
        config.put("streams.producer.transaction.timeout.ms", "5000");
        return config;
    }

    /**
     * Reads {@code topic} with {@code read_committed} and asserts exactly {@code expected} records, one per key, each
     * keyed by its value's transaction id.
     */
    public <V> Map<String, V> readCommittedOnePerKey(
            String topic, int expected, Deserializer<V> deserializer, Function<V, String> transactionId) {
        List<ConsumerRecord<byte[], byte[]>> records =
                TopicReader.readAll(bootstrap, topic, IsolationLevel.READ_COMMITTED, expected, TIMEOUT);
        assertThat(records).as("committed records on %s", topic).hasSize(expected);
        Map<String, V> byId = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            V value = deserializer.deserialize(topic, record.value());
            String key = new String(record.key(), StandardCharsets.UTF_8);
            assertThat(transactionId.apply(value)).isEqualTo(key);
            assertThat(byId.put(key, value))
                    .as("second record for %s on %s", key, topic)
                    .isNull();
        }
        return byId;
    }

    /** Every topic the processor writes or keeps (outputs, keys, commands, dead letters, internal), not the input. */
    public List<String> outputAndInternalTopics() {
        List<String> names = new ArrayList<>(List.of(
                topics.encrypted(),
                topics.envelopes(),
                topics.participantKeys(),
                topics.accessEvents(),
                topics.deadLetters(),
                topics.envelopeCommands(),
                topics.receipts()));
        names.addAll(internalTopics());
        return names;
    }

    /** The topics whose names start with the application id (changelog, repartition). */
    public List<String> internalTopics() {
        return topicsMatching(name -> name.startsWith(applicationId));
    }

    /** The topics on this fixture's broker whose names match {@code names}. */
    public List<String> topicsMatching(Predicate<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get().stream().filter(names).toList();
        } catch (Exception e) {
            throw new AssertionError("cannot list topics", e);
        }
    }

    @Override
    public void close() {
        serdes.close();
    }

    @SuppressWarnings("unchecked")
    private <V> KafkaProducer<String, Object> producer(Serializer<V> serializer) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        return new KafkaProducer<>(config, new StringSerializer(), (Serializer<Object>) serializer);
    }

    private static TopicNames uniqueTopics() {
        String suffix = SharedKafka.uniqueName("");
        TopicNames defaults = TopicNames.defaults();
        return new TopicNames(
                defaults.transactions() + suffix,
                defaults.encrypted() + suffix,
                defaults.envelopes() + suffix,
                defaults.participantKeys() + suffix,
                defaults.accessEvents() + suffix,
                defaults.deadLetters() + suffix,
                defaults.envelopeCommands() + suffix,
                defaults.receipts() + suffix);
    }
}
