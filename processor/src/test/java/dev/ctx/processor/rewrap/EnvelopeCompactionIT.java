package dev.ctx.processor.rewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.commands.EnvelopeCommand;
import dev.ctx.schemas.commands.EnvelopeCommandFormatV1;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.schemas.topics.TopicSpec;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.kafka.EmbeddedKafkaBroker;

/**
 * Crypto-shredding down to the disk: on a real embedded broker of its own (log cleaner every 200 ms), the envelopes
 * topic and the rewrap topology's envelope changelog get small compaction bounds, a transaction is shredded through
 * the command topic and the real processor, and the broker's log segment files are scanned byte for byte until no
 * wrap of the shredded envelope is left. The scan is shown to find the wraps before the shred, and the cleaner's
 * checkpoint must name the envelopes topic, so the test fails if compaction did not run.
 */
class EnvelopeCompactionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Map<String, String> SMALL_BOUNDS = Map.of(
            TopicConfig.SEGMENT_MS_CONFIG, "500",
            TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "500",
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
            TopicConfig.DELETE_RETENTION_MS_CONFIG, "0");

    @TempDir
    Path dir;

    private final String scope = "compaction-it-" + System.nanoTime();
    private final TransactionGenerator generator =
            new TransactionGenerator(GeneratorSettings.benchmarkDefault("cmp"), 5L);
    private EmbeddedKafkaBroker broker;
    private ProcessorFixture fixture;
    private ProcessorApplication application;

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (broker != null) {
            broker.close();
        }
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void afterCompactionNoByteOfAShreddedEnvelopesWrapsIsLeftInTheLogSegments() throws Exception {
        // Given: a broker that cleans often, small compaction bounds, the processor with the rewrap topology on
        broker = new EmbeddedKafkaBroker(
                        dir.resolve("kafka"), Map.of("log.cleaner.backoff.ms", "200", "log.cleaner.threads", "1"))
                .start();
        fixture = new ProcessorFixture(
                        MockSchemaRegistry.URL_PREFIX + scope, List.of("alice", "bob"), broker.bootstrapServers())
                .prepare();
        alter(fixture.topics.envelopes());
        String rewrapId = "ctx-rewrap-compaction";
        Map<String, String> config = new HashMap<>(fixture.config("compaction-1"));
        config.put(ProcessorConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        config.put(RewrapKeys.URL_CONFIG, "http://127.0.0.1:9");
        config.put(RewrapKeys.TOKEN_CONFIG, "unused");
        config.put(RewrapKeys.INTERVAL_MS_CONFIG, "200");
        config.put(RewrapKeys.APPLICATION_ID_CONFIG, rewrapId);
        // topics.create=false in the fixture: the rewrap job's progress topic is provisioned like the others
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicProvisioner(admin, 1, (short) 1)
                    .ensure(List.of(new TopicSpec("rewrap.progress", CleanupPolicy.COMPACT)), true);
        }
        application = ProcessorApplication.start(ProcessorConfig.of(config));
        fixture.produce(transactions(5));
        Map<String, Envelope> sealed = fixture.readCommittedOnePerKey(
                fixture.topics.envelopes(), 5, fixture.serdes.envelope().deserializer(), Envelope::getTransactionId);
        Envelope shredded = sealed.values().iterator().next();
        List<byte[]> wraps = shredded.getWraps().stream()
                .map(RecipientWrap::getWrap)
                .map(EnvelopeCompactionIT::bytes)
                .toList();
        String changelog = rewrapId + "-" + RewrapStores.ENVELOPES + "-changelog";
        awaitTopic(changelog);
        alter(changelog);
        assertThat(wrapsLeft(List.of(fixture.topics.envelopes(), changelog), wraps))
                .as("the scan finds the wraps while the envelope lives")
                .isPositive();

        // When: the transaction is shredded through the command topic
        sendShred(shredded.getTransactionId());
        awaitTombstone(shredded.getTransactionId());

        // Then: new records roll the segments and the cleaner runs until no wrap byte is left on disk
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int left = Integer.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            fixture.produce(transactions(1));
            Thread.sleep(1_000);
            left = wrapsLeft(List.of(fixture.topics.envelopes(), changelog), wraps);
            if (left == 0 && cleanerCheckpointNames(fixture.topics.envelopes())) {
                break;
            }
        }
        assertThat(cleanerCheckpointNames(fixture.topics.envelopes()))
                .as("the log cleaner compacted the envelopes topic")
                .isTrue();
        assertThat(left)
                .as("occurrences of the shredded envelope's wraps in the log segment files")
                .isZero();
    }

    private void alter(String topic) throws Exception {
        try (Admin admin = admin()) {
            List<AlterConfigOp> ops = new ArrayList<>();
            SMALL_BOUNDS.forEach(
                    (key, value) -> ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET)));
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private void awaitTopic(String topic) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Admin admin = admin()) {
            while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(topic + " was not created");
                }
                Thread.sleep(200);
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private void sendShred(String transactionId) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            fixture.topics.envelopeCommands(),
                            transactionId,
                            EnvelopeCommandFormatV1.encode(
                                    EnvelopeCommand.shred(transactionId, "ops-1", "gdpr erasure", Instant.now()))))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private void awaitTombstone(String transactionId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<byte[], byte[]>> all = TopicReader.readAll(
                    broker.bootstrapServers(),
                    fixture.topics.envelopes(),
                    IsolationLevel.READ_COMMITTED,
                    0,
                    Duration.ofSeconds(5));
            boolean tombstoned = all.stream()
                    .anyMatch(record -> record.value() == null
                            && transactionId.equals(new String(record.key(), StandardCharsets.UTF_8)));
            if (tombstoned) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no tombstone for " + transactionId + " within " + PATIENCE);
    }

    /** How many times any of {@code wraps} occurs in the log segment files of {@code topics}. */
    private int wrapsLeft(Collection<String> topics, List<byte[]> wraps) {
        int found = 0;
        for (Path segment : segments(topics)) {
            byte[] content;
            try {
                content = Files.readAllBytes(segment);
            } catch (IOException e) {
                continue; // deleted by the cleaner between listing and reading
            }
            for (byte[] wrap : wraps) {
                found += occurrences(content, wrap);
            }
        }
        return found;
    }

    private List<Path> segments(Collection<String> topics) {
        Path data = broker.directory().resolve("data");
        try (Stream<Path> partitions = Files.list(data)) {
            List<Path> dirs = partitions
                    .filter(Files::isDirectory)
                    .filter(p -> topics.stream()
                            .anyMatch(t -> p.getFileName().toString().matches(Pattern.quote(t) + "-\\d+")))
                    .toList();
            List<Path> files = new ArrayList<>();
            for (Path partition : dirs) {
                try (Stream<Path> inside = Files.list(partition)) {
                    inside.filter(f -> f.getFileName().toString().contains(".log"))
                            .forEach(files::add);
                }
            }
            assertThat(dirs).as("partition directories of " + topics).isNotEmpty();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean cleanerCheckpointNames(String topic) {
        Path checkpoint = broker.directory().resolve("data").resolve("cleaner-offset-checkpoint");
        try {
            return Files.exists(checkpoint)
                    && Files.readAllLines(checkpoint).stream().anyMatch(line -> line.startsWith(topic + " "));
        } catch (IOException e) {
            return false;
        }
    }

    private static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private List<Transaction> transactions(int count) {
        List<Transaction> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(Transaction.newBuilder(generator.next())
                    .setParticipants(List.of("alice", "bob"))
                    .setConfidential(true)
                    .build());
        }
        return list;
    }
}
