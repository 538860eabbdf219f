package dev.ctx.processor.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.dlq.DeadLetterRecords;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.encrypt.EncryptionSettings;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.encrypt.InstrumentedSealer;
import dev.ctx.processor.encrypt.Sealer;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.EncryptionTopology;
import dev.ctx.processor.topology.StreamsProperties;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.receipts.Receipt;
import dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.serde.WriterSchemaAllowList;
import dev.ctx.schemas.transaction.Transaction;

/**
 * The encryption topology (built by the same function as {@code main}) in a {@link TopologyTestDriver}, with its own
 * {@code mock://} registry scope, the real envelope sealer, a Micrometer registry and a fixed clock.
 */
public final class TopologyHarness implements AutoCloseable {

    /** The clock of every dead letter, envelope and access event. */
    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    /** The writing component name. */
    public static final String SOURCE = "processor/test-1";

    public final TopicNames topics = TopicNames.defaults();
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final TestInputTopic<String, Transaction> transactions;
    public final TestInputTopic<byte[], byte[]> rawTransactions;
    public final TestInputTopic<String, ParticipantKeyring> keyrings;
    public final TestInputTopic<byte[], byte[]> rawKeyrings;
    public final TestOutputTopic<String, EncryptedTransaction> encrypted;
    public final TestOutputTopic<String, Envelope> envelopes;
    public final TestOutputTopic<String, AccessEvent> accessEvents;
    public final TestOutputTopic<String, DeadLetter> deadLetters;
    public final TestOutputTopic<String, Receipt> receipts;
    public final TopologySerdes serdes;
    private final String scope;
    private final TopologyTestDriver driver;

    private TopologyHarness(EncryptionMode mode, Sealer sealer, Map<String, ?> registryOverride) {
        this(mode, sealer, registryOverride, WriterSchemaAllowList.of(Transaction.getClassSchema(), List.of()));
    }

    private TopologyHarness(
            EncryptionMode mode,
            Sealer sealer,
            Map<String, ?> registryOverride,
            WriterSchemaAllowList transactionWriters) {
        scope = "processor-test-" + UUID.randomUUID();
        serdes = TopologySerdes.create(
                registryOverride.isEmpty()
                        ? Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope)
                        : registryOverride,
                transactionWriters);
        MicrometerProcessorMetrics metrics = new MicrometerProcessorMetrics(registry);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DeadLetters letters = new DeadLetters(SOURCE, clock);
        EncryptionSettings settings =
                new EncryptionSettings(mode, new InstrumentedSealer(sealer, metrics), metrics, letters, SOURCE, clock);
        Properties props = StreamsProperties.handlers(
                new DeadLetterRecords(topics.deadLetters(), serdes.deadLetter().serializer(), letters, metrics),
                topics.participantKeys());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, scope);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        driver =
                new TopologyTestDriver(EncryptionTopology.build(topics, serdes, settings, TestKeyrings.trust()), props);
        StringSerializer keys = new StringSerializer();
        StringDeserializer keyReader = new StringDeserializer();
        transactions = driver.createInputTopic(
                topics.transactions(), keys, serdes.transaction().serializer());
        rawTransactions =
                driver.createInputTopic(topics.transactions(), new ByteArraySerializer(), new ByteArraySerializer());
        keyrings = driver.createInputTopic(
                topics.participantKeys(), keys, serdes.keyring().serializer());
        rawKeyrings =
                driver.createInputTopic(topics.participantKeys(), new ByteArraySerializer(), new ByteArraySerializer());
        encrypted = driver.createOutputTopic(
                topics.encrypted(), keyReader, serdes.encrypted().deserializer());
        envelopes = driver.createOutputTopic(
                topics.envelopes(), keyReader, serdes.envelope().deserializer());
        accessEvents = driver.createOutputTopic(
                topics.accessEvents(), keyReader, serdes.accessEvent().deserializer());
        deadLetters = driver.createOutputTopic(
                topics.deadLetters(), keyReader, serdes.deadLetter().deserializer());
        receipts = driver.createOutputTopic(
                topics.receipts(), keyReader, serdes.receipt().deserializer());
    }

    /** A harness sealing with the real envelope library. */
    public static TopologyHarness start(EncryptionMode mode) {
        return new TopologyHarness(mode, EnvelopeLibrarySealer.create(), Map.of());
    }

    /** A harness with another sealer (fault injection). */
    public static TopologyHarness start(EncryptionMode mode, Sealer sealer) {
        return new TopologyHarness(mode, sealer, Map.of());
    }

    /** A harness whose topology uses another registry configuration (inputs must then be piped as raw bytes). */
    public static TopologyHarness startWithRegistry(EncryptionMode mode, Map<String, ?> registryConfig) {
        return new TopologyHarness(mode, EnvelopeLibrarySealer.create(), registryConfig);
    }

    /** A harness whose {@code transactions} deserializer reads only the writer schemas {@code writers} permits. */
    public static TopologyHarness startWithWriterSchemas(EncryptionMode mode, WriterSchemaAllowList writers) {
        return new TopologyHarness(mode, EnvelopeLibrarySealer.create(), Map.of(), writers);
    }

    /** The harness's own {@code mock://} registry scope (register writer schemas here). */
    public InMemorySchemaRegistry schemaRegistry() {
        return MockSchemaRegistry.scope(scope);
    }

    /** The raw bytes written to {@code topic}, values only (consumes them). */
    public List<byte[]> rawValues(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readValuesToList();
    }

    /** Publishes every keyring of {@code keys} to {@code participant-keys}. */
    public TopologyHarness publish(TestKeyrings keys) {
        keys.all().forEach(keyrings::pipeInput);
        return this;
    }

    /** The value of the untrusted-keyring counter with tag {@code reason}, or 0 if it never counted. */
    public double untrustedKeyringCount(String reason) {
        var counter = registry.find(MicrometerProcessorMetrics.UNTRUSTED_KEYRINGS)
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** The value of counter {@code name} with tag {@code reason}, or 0. */
    public double deadLetterCount(String reason) {
        return registry.get(MicrometerProcessorMetrics.DEAD_LETTERS)
                .tag("reason", reason)
                .counter()
                .count();
    }

    /** The value of counter {@code name}. */
    public double count(String name) {
        return registry.get(name).counter().count();
    }

    @Override
    public void close() {
        driver.close();
        serdes.close();
        MockSchemaRegistry.dropScope(scope);
    }
}
