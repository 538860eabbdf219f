package dev.ctx.processor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.processor.dlq.DeadLetterRecords;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.processor.topics.AuditTopicNames;
import dev.ctx.processor.topics.AuditTopics;
import dev.ctx.processor.topology.StreamsProperties;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.ChainHash;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.schemas.topics.TopicSpec;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * The sealer on a real broker under {@code exactly_once_v2} with commits spanning many entries: the cached chain head
 * and dedup-window blocks reach the changelogs once per commit, not once per entry, and a sealer restored from those
 * changelogs alone (empty state directory) continues the same chain and still drops retried ids.
 */
class SealerChangelogIT {

    private static final int FIRST = 3_000;
    private static final int SECOND = 200;
    private static final Duration TIMEOUT = ProcessorFixture.TIMEOUT;

    @TempDir
    Path dir;

    private final String bootstrap = SharedKafka.bootstrapServers();
    private final String scope = "sealer-changelog-it-" + UUID.randomUUID();
    private final Map<String, String> registry = Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope);
    private final String applicationId = SharedKafka.uniqueName("ctx-audit-sealer-changelog-it");
    private final AuditTopicNames topics = new AuditTopicNames(
            SharedKafka.uniqueName("access-log.events"),
            SharedKafka.uniqueName("access-log"),
            SharedKafka.uniqueName("access-log.checkpoints"));
    private final String deadLetters = SharedKafka.uniqueName("dlq");
    private TopologySerdes serdes;
    private ConfluentAvroSerde<SealedAccessEvent> sealedSerde;
    private ConfluentAvroSerde<AccessLogCheckpoint> checkpointSerde;

    @BeforeEach
    void createTopics() {
        serdes = TopologySerdes.create(registry);
        sealedSerde = ConfluentAvroSerdes.forClass(SealedAccessEvent.class, registry, false);
        checkpointSerde = ConfluentAvroSerdes.forClass(AccessLogCheckpoint.class, registry, false);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, 1, (short) 1);
            provisioner.ensure(AuditTopics.specs(topics), true);
            provisioner.ensure(List.of(new TopicSpec(deadLetters, CleanupPolicy.DELETE)), true);
        }
    }

    @AfterEach
    void closeSerdes() {
        serdes.close();
        sealedSerde.close();
        checkpointSerde.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void headAndWindowReachTheChangelogsOncePerCommitAndARestoreFromThemContinuesTheChain() {
        // Given: a sealer chained 3,000 events over several commits, then stopped
        produce(ids("e", FIRST));
        try (KafkaStreams first = start("first")) {
            assertThat(committed(topics.accessLog(), FIRST)).hasSize(FIRST);
        }
        int headRecords = committed(changelog(SealerStores.HEADS), 1).size();
        int windowRecords = committed(changelog(SealerStores.WINDOW), 1).size();

        // When: a sealer with an empty state directory restores from the changelogs, sees retries and new events
        List<String> retries = List.of("e-0", "e-1500", "e-2999");
        produce(retries);
        produce(ids("f", SECOND));
        try (KafkaStreams second = start("second")) {
            assertThat(committed(topics.accessLog(), FIRST + SECOND)).hasSize(FIRST + SECOND);
        }

        // Then: far fewer changelog records than entries (the head once per commit, a 64-id block once per commit)
        assertThat(headRecords + windowRecords).isLessThan(FIRST / 10);
        assertThat(windowRecords).isGreaterThanOrEqualTo(FIRST / SealedIdBlock.SIZE);
        // and one unbroken chain, every id once, the retries dropped
        List<SealedAccessEvent> entries = committed(topics.accessLog(), FIRST + SECOND).stream()
                .map(record -> sealedSerde.deserializer().deserialize(topics.accessLog(), record.value()))
                .toList();
        byte[] prev = ChainHash.genesis(0);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            SealedAccessEvent entry = entries.get(i);
            assertThat(entry.getSequence()).isEqualTo(i);
            assertThat(entry.getPrevHash().bytes()).isEqualTo(prev);
            assertThat(entry.getHash().bytes()).isEqualTo(ChainHash.next(prev, bytes(entry)));
            assertThat(seen.add(entry.getEventId()))
                    .as("sealed once: " + entry.getEventId())
                    .isTrue();
            prev = entry.getHash().bytes();
        }
        assertThat(entries.get(FIRST).getEventId()).isEqualTo("f-0");
    }

    private KafkaStreams start(String instance) {
        DeadLetters letters = new DeadLetters("processor/it/audit-sealer", Clock.systemUTC());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SealerSettings settings = new SealerSettings(
                new Ed25519TestSigner(),
                1_000,
                Duration.ofMinutes(1),
                Duration.ofSeconds(5),
                100_000,
                new MicrometerSealerMetrics(meters),
                letters);
        Properties props = StreamsProperties.handlers(
                new DeadLetterRecords(
                        deadLetters, serdes.deadLetter().serializer(), letters, new MicrometerProcessorMetrics(meters)),
                SharedKafka.uniqueName("participant-keys"));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve(instance).toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        KafkaStreams streams = new KafkaStreams(
                SealerTopology.build(
                        topics,
                        deadLetters,
                        serdes.accessEvent(),
                        sealedSerde,
                        checkpointSerde,
                        serdes.deadLetter(),
                        settings),
                props);
        streams.start();
        return streams;
    }

    private void produce(List<String> eventIds) {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, AccessEvent> producer = new KafkaProducer<>(
                config, new StringSerializer(), serdes.accessEvent().serializer())) {
            eventIds.forEach(
                    id -> producer.send(new ProducerRecord<>(topics.accessEvents(), id, SealerHarness.event(id))));
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> committed(String topic, int atLeast) {
        return TopicReader.readAll(bootstrap, topic, IsolationLevel.READ_COMMITTED, atLeast, TIMEOUT);
    }

    private String changelog(String store) {
        return applicationId + "-" + store + "-changelog";
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }

    private static byte[] bytes(SealedAccessEvent entry) {
        ByteBuffer copy = entry.getEvent().duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
