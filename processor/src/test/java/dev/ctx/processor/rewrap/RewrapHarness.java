package dev.ctx.processor.rewrap;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.metrics.MicrometerRewrapMetrics;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/**
 * The rewrap topology (built by the same function as {@code main}) in a {@link TopologyTestDriver}, fed with
 * envelopes that the real encryption topology sealed, and an {@link InProcessRewrapClient} with real keys.
 */
final class RewrapHarness implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final int BATCH_SIZE = 100;
    static final String PROGRESS_TOPIC = "rewrap.progress";

    final TestKeyrings base;
    final RotatingKeys keys;
    final InProcessRewrapClient client;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopicNames topics = TopicNames.defaults();
    final TestInputTopic<String, Envelope> envelopesIn;
    final TestInputTopic<String, ParticipantKeyring> keyrings;
    final TestOutputTopic<String, Envelope> envelopesOut;
    final TestOutputTopic<String, AccessEvent> events;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    /** Revocation and shredding commands (raw values, as the key service writes them). */
    final TestInputTopic<String, byte[]> commandsIn;

    final TestOutputTopic<String, byte[]> progressOut;
    final TestInputTopic<String, byte[]> progressIn;
    /** What the encryption topology sealed, by transaction id. */
    final Map<String, EncryptedTransaction> encrypted = new LinkedHashMap<>();
    /** The first generation of every sealed transaction, by transaction id. */
    final Map<String, Envelope> firstGenerations = new LinkedHashMap<>();

    private final TopologyHarness encryption;
    private final TopologySerdes serdes;
    private final TopologyTestDriver driver;
    private final String scope = "rewrap-test-" + UUID.randomUUID();
    private final TransactionGenerator generator =
            new TransactionGenerator(GeneratorSettings.benchmarkDefault("txn"), 7L);

    RewrapHarness(List<String> participants) {
        this(participants, 1);
    }

    /** A harness whose retirement decision waits for {@code envelopePartitions} partitions (the driver runs one). */
    RewrapHarness(List<String> participants, int envelopePartitions) {
        base = TestKeyrings.forParticipants(participants);
        keys = new RotatingKeys(base);
        client = new InProcessRewrapClient(keys);
        encryption = TopologyHarness.start(EncryptionMode.ALWAYS).publish(base);
        serdes = TopologySerdes.create(Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope));
        RewrapSettings settings = new RewrapSettings(
                client,
                BATCH_SIZE,
                INTERVAL,
                new MicrometerRewrapMetrics(registry),
                new DeadLetters(TopologyHarness.SOURCE, Clock.systemUTC()),
                "processor/rewrap-test",
                PROGRESS_TOPIC,
                envelopePartitions);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, scope);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(
                RewrapTopology.build(
                        topics,
                        serdes.keyring(),
                        serdes.envelope(),
                        serdes.accessEvent(),
                        serdes.deadLetter(),
                        TestKeyrings.trust(),
                        settings),
                props);
        StringSerializer keySerializer = new StringSerializer();
        StringDeserializer keyDeserializer = new StringDeserializer();
        envelopesIn = driver.createInputTopic(
                topics.envelopes(), keySerializer, serdes.envelope().serializer());
        keyrings = driver.createInputTopic(
                topics.participantKeys(), keySerializer, serdes.keyring().serializer());
        envelopesOut = driver.createOutputTopic(
                topics.envelopes(), keyDeserializer, serdes.envelope().deserializer());
        events = driver.createOutputTopic(
                topics.accessEvents(), keyDeserializer, serdes.accessEvent().deserializer());
        deadLetters = driver.createOutputTopic(
                topics.deadLetters(), keyDeserializer, serdes.deadLetter().deserializer());
        commandsIn = driver.createInputTopic(topics.envelopeCommands(), keySerializer, new ByteArraySerializer());
        progressOut = driver.createOutputTopic(PROGRESS_TOPIC, keyDeserializer, new ByteArrayDeserializer());
        progressIn = driver.createInputTopic(PROGRESS_TOPIC, keySerializer, new ByteArraySerializer());
        base.all().forEach(keyrings::pipeInput);
    }

    /** Seals one transaction of {@code participants} with the encryption topology; returns its id (not yet piped). */
    String seal(List<String> participants) {
        Transaction next = generator.next();
        Transaction transaction =
                Transaction.newBuilder(next).setParticipants(participants).build();
        encryption.transactions.pipeInput(transaction.getTransactionId(), transaction);
        EncryptedTransaction sealed = encryption.encrypted.readValue();
        Envelope envelope = encryption.envelopes.readValue();
        encryption.accessEvents.readValue();
        encrypted.put(sealed.getTransactionId(), sealed);
        firstGenerations.put(envelope.getTransactionId(), envelope);
        client.knows(sealed);
        return sealed.getTransactionId();
    }

    /** Seals one transaction and pipes its first envelope generation into the rewrap topology. */
    String sealAndPipe(List<String> participants) {
        String id = seal(participants);
        envelopesIn.pipeInput(id, firstGenerations.get(id));
        return id;
    }

    /** Publishes the participant's next key version; returns it. */
    int rotate(String participant) {
        ParticipantKeyring keyring = keys.rotate(participant);
        keyrings.pipeInput(participant, keyring);
        return keyring.getCurrentVersion();
    }

    /** Lets one punctuation interval pass. */
    void tick() {
        driver.advanceWallClockTime(INTERVAL);
    }

    KeyValueStore<String, Envelope> envelopeStore() {
        return driver.getKeyValueStore(RewrapStores.ENVELOPES);
    }

    KeyValueStore<String, Integer> indexStore() {
        return driver.getKeyValueStore(RewrapStores.INDEX);
    }

    /** The pending gauge of {@code participant}, or 0 if it was never registered. */
    double pending(String participant) {
        Gauge gauge = registry.find(MicrometerRewrapMetrics.PENDING)
                .tag("participant", participant)
                .gauge();
        return gauge == null ? 0 : gauge.value();
    }

    @Override
    public void close() {
        driver.close();
        serdes.close();
        encryption.close();
        MockSchemaRegistry.dropScope(scope);
    }
}
