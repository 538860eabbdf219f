package dev.ctx.processor.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.processor.dlq.DeadLetterRecords;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.topics.AuditTopicNames;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topology.StreamsProperties;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventBuilder;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

/**
 * The sealer topology (built by the same function as {@code main}) in a {@link TopologyTestDriver}: its own
 * {@code mock://} registry scope, a Micrometer registry and a real Ed25519 signer. Every input goes to partition 0.
 */
final class SealerHarness implements AutoCloseable {

    static final Instant EVENT_TIME = Instant.parse("2026-12-01T09:00:00Z");
    static final String DLQ = TopicNames.defaults().deadLetters();

    final AuditTopicNames topics = AuditTopicNames.defaults();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TestInputTopic<String, AccessEvent> events;
    final TestInputTopic<byte[], byte[]> rawEvents;
    final TestOutputTopic<String, SealedAccessEvent> log;
    final TestOutputTopic<String, AccessLogCheckpoint> checkpoints;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    final String applicationId;
    private final String scope;
    private final TopologySerdes serdes;
    private final ConfluentAvroSerde<SealedAccessEvent> sealedSerde;
    private final ConfluentAvroSerde<AccessLogCheckpoint> checkpointSerde;
    private final TopologyTestDriver driver;

    SealerHarness(CheckpointSigner signer, long checkpointEvents, Duration interval, long dedupWindow) {
        scope = "sealer-test-" + UUID.randomUUID();
        applicationId = scope;
        Map<String, String> registryConfig = Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope);
        serdes = TopologySerdes.create(registryConfig);
        sealedSerde = SealerTopology.entrySerde(registryConfig);
        checkpointSerde = ConfluentAvroSerdes.forClass(AccessLogCheckpoint.class, registryConfig, false);
        DeadLetters letters = new DeadLetters("processor/test/audit-sealer", Clock.fixed(EVENT_TIME, ZoneOffset.UTC));
        SealerSettings settings = new SealerSettings(
                signer,
                checkpointEvents,
                interval,
                Duration.ofSeconds(5),
                dedupWindow,
                new MicrometerSealerMetrics(registry),
                letters);
        Properties props = StreamsProperties.handlers(
                new DeadLetterRecords(
                        DLQ, serdes.deadLetter().serializer(), letters, new MicrometerProcessorMetrics(registry)),
                TopicNames.defaults().participantKeys());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        driver = new TopologyTestDriver(
                SealerTopology.build(
                        topics, DLQ, serdes.accessEvent(), sealedSerde, checkpointSerde, serdes.deadLetter(), settings),
                props,
                EVENT_TIME);
        StringSerializer keys = new StringSerializer();
        events = driver.createInputTopic(
                topics.accessEvents(), keys, serdes.accessEvent().serializer());
        rawEvents =
                driver.createInputTopic(topics.accessEvents(), new ByteArraySerializer(), new ByteArraySerializer());
        StringDeserializer keyReader = new StringDeserializer();
        log = driver.createOutputTopic(topics.accessLog(), keyReader, sealedSerde.deserializer());
        checkpoints = driver.createOutputTopic(topics.checkpoints(), keyReader, checkpointSerde.deserializer());
        deadLetters =
                driver.createOutputTopic(DLQ, keyReader, serdes.deadLetter().deserializer());
    }

    /** An access event with the given id (every other field fixed). */
    static AccessEvent event(String eventId) {
        AccessEvent event = AccessEventBuilder.of(
                        AccessEventType.ACCESS_GRANTED, AccessOutcome.GRANTED, "key-service/test-1", EVENT_TIME)
                .setRequester("auditor-1")
                .setTransactionId("txn-" + eventId)
                .setAttributes(Map.of("zeta", "1", "alpha", "2"))
                .build();
        event.setEventId(eventId);
        return event;
    }

    /** Pipes events {@code prefix-0 .. prefix-(count-1)}. */
    void pipe(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            events.pipeInput("k-" + i, event(prefix + "-" + i));
        }
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    /** Every changelog record the sealer's stores wrote so far, in order (what a restore replays). */
    List<TestRecord<byte[], byte[]>> changelog(String store) {
        String topic = applicationId + "-" + store + "-changelog";
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    /** Writes {@code records} into the store as a restore from its changelog would. */
    void restore(String store, List<TestRecord<byte[], byte[]>> records) {
        KeyValueStore<Object, Object> target = driver.getKeyValueStore(store);
        for (TestRecord<byte[], byte[]> record : records) {
            Object key = decodeKey(store, record.key());
            Object value = record.value() == null ? null : decodeValue(store, record.value());
            if (value == null) {
                target.delete(key);
            } else {
                target.put(key, value);
            }
        }
    }

    private static Object decodeKey(String store, byte[] key) {
        return SealerStores.WINDOW.equals(store)
                ? new LongDeserializer().deserialize("", key)
                : new StringDeserializer().deserialize("", key);
    }

    private static Object decodeValue(String store, byte[] value) {
        return SealerStores.HEADS.equals(store) ? ChainHeadSerde.parse(value) : SealedIdBlock.stored(value);
    }

    /** How many records the store holds now. */
    long storedRecords(String store) {
        long count = 0;
        try (KeyValueIterator<Object, Object> all =
                driver.getKeyValueStore(store).all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    double counter(String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
        serdes.close();
        sealedSerde.close();
        checkpointSerde.close();
        MockSchemaRegistry.dropScope(scope);
    }
}
