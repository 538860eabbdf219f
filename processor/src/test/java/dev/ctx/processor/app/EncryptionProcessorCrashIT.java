package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.client.open.SealedTransactionOpener;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.testing.ForkedProcessor;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * Exactly once across a crash: a processor JVM is SIGKILLed while its Kafka transaction is open, a second instance
 * takes over, and a {@code read_committed} consumer still sees exactly one encrypted record, one envelope and one
 * access event per input (the killed instance's open transaction is aborted, never half-visible); with epoch wraps no
 * (enc, sequence) pair repeats across the crash and every committed wrap opens.
 */
class EncryptionProcessorCrashIT {

    private static final List<String> POOL = List.of("client-1", "miner-1", "miner-2", "miner-3");
    private static final int BEFORE_CRASH = 4_000;
    private static final int AFTER_CRASH = 1_000;
    /**
     * Input added every 100 ms until the kill, so the doomed instance always has a transaction open to be killed in.
     */
    private static final int FEED = 50;

    @TempDir
    Path dir;

    @Test
    void aKilledInstanceLeavesNoDuplicateAndNoHalfWrittenOutput() throws Exception {
        try (SchemaRegistryServer registry =
                        SchemaRegistryServer.builder().build().start();
                ProcessorFixture fixture = new ProcessorFixture(registry.url(), POOL).prepare()) {
            // Given
            TransactionGenerator generator = new TransactionGenerator(
                    new GeneratorSettings("crash", POOL, 2, 4, 1.0, 300, 1_767_225_600_000L), 99L);
            fixture.produce(generate(generator, BEFORE_CRASH));
            AtomicInteger fed = new AtomicInteger();
            ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
            try (ForkedProcessor doomed =
                    ForkedProcessor.start(dir.resolve("doomed"), crashFriendly(fixture, "doomed"))) {

                // When: killed while a transaction is open (input keeps arriving, so a fast instance cannot finish
                // everything between two commits and leave nothing open)
                TopicReader.readAll(
                        fixture.bootstrap,
                        fixture.topics.encrypted(),
                        IsolationLevel.READ_COMMITTED,
                        200,
                        ProcessorFixture.TIMEOUT);
                feeder.scheduleWithFixedDelay(
                        () -> {
                            fixture.produce(generate(generator, FEED));
                            fed.addAndGet(FEED);
                        },
                        0,
                        100,
                        TimeUnit.MILLISECONDS);
                TopicReader.awaitOpenTransaction(
                        fixture.bootstrap, fixture.topics.encrypted(), ProcessorFixture.TIMEOUT);
                doomed.kill();
            } finally {
                feeder.shutdown();
                assertThat(feeder.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            fixture.produce(generate(generator, AFTER_CRASH));
            try (ProcessorApplication survivor =
                    ProcessorApplication.start(ProcessorConfig.of(crashFriendly(fixture, "survivor")))) {

                // Then
                int total = BEFORE_CRASH + fed.get() + AFTER_CRASH;
                Map<String, EncryptedTransaction> encrypted = fixture.readCommittedOnePerKey(
                        fixture.topics.encrypted(),
                        total,
                        fixture.serdes.encrypted().deserializer(),
                        EncryptedTransaction::getTransactionId);
                Map<String, Envelope> envelopes = fixture.readCommittedOnePerKey(
                        fixture.topics.envelopes(),
                        total,
                        fixture.serdes.envelope().deserializer(),
                        Envelope::getTransactionId);
                fixture.readCommittedOnePerKey(
                        fixture.topics.accessEvents(),
                        total,
                        fixture.serdes.accessEvent().deserializer(),
                        AccessEvent::getTransactionId);
                assertThat(TopicReader.readAll(
                                fixture.bootstrap,
                                fixture.topics.encrypted(),
                                IsolationLevel.READ_UNCOMMITTED,
                                total,
                                Duration.ofSeconds(30)))
                        .as("the log holds the aborted records of the killed transaction too")
                        .hasSizeGreaterThan(total);
                assertThat(survivor.state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertEpochWrapsNeverRepeatAndAllOpen(fixture, encrypted, envelopes, total);
            }
        }
    }

    /**
     * Epoch wraps (the default wrap mode) across the crash: no (enc, sequence) pair repeats among every wrap in the
     * envelope log, aborted ones of the killed instance included, and every committed wrap opens.
     */
    private static void assertEpochWrapsNeverRepeatAndAllOpen(
            ProcessorFixture fixture,
            Map<String, EncryptedTransaction> encrypted,
            Map<String, Envelope> envelopes,
            int total) {
        Set<String> pairs = new HashSet<>();
        Set<String> epochs = new HashSet<>();
        int wraps = 0;
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(
                fixture.bootstrap,
                fixture.topics.envelopes(),
                IsolationLevel.READ_UNCOMMITTED,
                total,
                Duration.ofSeconds(30))) {
            Envelope envelope =
                    fixture.serdes.envelope().deserializer().deserialize(fixture.topics.envelopes(), record.value());
            for (RecipientWrap wrap : envelope.getWraps()) {
                DekWrap parsed =
                        DekWrap.parse(wrap.getRecipientId(), wrap.getKeyVersion(), Opening.bytes(wrap.getWrap()));
                assertThat(parsed.isEpoch()).as("default wrap mode is epoch").isTrue();
                pairs.add(HexFormat.of().formatHex(parsed.enc()) + ":" + parsed.sequence());
                epochs.add(parsed.epochId().orElseThrow().toString());
                wraps++;
            }
        }
        assertThat(pairs).as("(enc, sequence) pairs of %d wraps", wraps).hasSize(wraps);
        assertThat(epochs)
                .as("the killed and the surviving instance each started epochs")
                .hasSizeGreaterThan(1);
        SealedTransactionOpener opener = new SealedTransactionOpener();
        envelopes.forEach((id, envelope) -> envelope.getWraps()
                .forEach(wrap -> assertThat(opener.open(
                                encrypted.get(id), envelope, fixture.keys.privateKey(wrap.getRecipientId())))
                        .isNotNull()));
    }

    /** Commits every 2 s (so a transaction is open when the kill lands) and takes over quickly after the crash. */
    private static Map<String, String> crashFriendly(ProcessorFixture fixture, String instanceId) {
        Map<String, String> config = fixture.config(instanceId);
        config.put("streams.commit.interval.ms", "2000");
        config.put("streams.consumer.session.timeout.ms", "6000");
        config.put("streams.consumer.heartbeat.interval.ms", "1000");
        config.put("streams.producer.transaction.timeout.ms", "5000");
        return config;
    }

    private static List<Transaction> generate(TransactionGenerator generator, int count) {
        List<Transaction> transactions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            transactions.add(generator.next());
        }
        return transactions;
    }
}
