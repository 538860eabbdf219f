package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.testing.CommittedOutput;
import dev.ctx.processor.testing.ForkedProcessor;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * Exactly once across repeated crashes: a processor JVM is SIGKILLed {@value #KILLS} times, each time while its Kafka
 * transaction is open and its epochs are in use, and restarted on the same application, state directory and input,
 * which keeps arriving; a last in-process instance takes over. A {@code read_committed} consumer then sees every input
 * exactly once as one encrypted record, one envelope and one access event (each killed instance's open transaction is
 * aborted, never half-visible); across every envelope written, aborted ones included, no epoch wrap's (enc, sequence)
 * pair repeats, and every committed wrap opens with its recipient's key.
 */
class EncryptionProcessorCrashIT {

    private static final List<String> POOL = List.of("client-1", "miner-1", "miner-2", "miner-3");
    private static final int KILLS = 3;
    private static final int BACKLOG = 2_000;
    private static final int AFTER_CRASHES = 500;
    /** Input added every 100 ms until the last kill, so each doomed instance has a transaction open to be killed in. */
    private static final int FEED = 20;

    @TempDir
    Path dir;

    private final Map<String, Transaction> inputs = new ConcurrentHashMap<>();

    @Test
    void repeatedlyKilledInstancesLeaveNoDuplicateNoHalfWrittenOutputAndNoRepeatedEpochSequence() throws Exception {
        try (SchemaRegistryServer registry =
                        SchemaRegistryServer.builder().build().start();
                ProcessorFixture fixture = new ProcessorFixture(registry.url(), POOL).prepare()) {
            // Given
            TransactionGenerator generator = new TransactionGenerator(
                    new GeneratorSettings("crash", POOL, 2, 4, 1.0, 300, 1_767_225_600_000L), 99L);
            fixture.produce(generate(generator, BACKLOG));
            ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
            feeder.scheduleWithFixedDelay(
                    () -> fixture.produce(generate(generator, FEED)), 0, 100, TimeUnit.MILLISECONDS);
            try {
                // When: killed again and again while a transaction is open
                killRepeatedly(fixture);
            } finally {
                feeder.shutdown();
                assertThat(feeder.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            fixture.produce(generate(generator, AFTER_CRASHES));
            try (ProcessorApplication survivor =
                    ProcessorApplication.start(ProcessorConfig.of(crashFriendly(fixture, "survivor")))) {

                // Then
                int total = inputs.size();
                CommittedOutput output = CommittedOutput.readEveryInputOnce(fixture, inputs);
                assertThat(TopicReader.readAll(
                                fixture.bootstrap,
                                fixture.topics.encrypted(),
                                IsolationLevel.READ_UNCOMMITTED,
                                total,
                                Duration.ofSeconds(30)))
                        .as("the log holds the aborted records of the killed transactions too")
                        .hasSizeGreaterThan(total);
                assertThat(survivor.state()).isEqualTo(KafkaStreams.State.RUNNING);
                CommittedOutput.EpochWrapScan scan = CommittedOutput.assertNoEpochSequenceRepeats(fixture, total);
                assertThat(scan.envelopesWritten())
                        .as("envelopes written, aborted ones included")
                        .isGreaterThan(total);
                assertThat(scan.epochs())
                        .as("each of the %d killed instances and the survivor started epochs", KILLS)
                        .isGreaterThan(KILLS);
                output.assertEveryWrapOpens(fixture, inputs);
            }
        }
    }

    /**
     * {@value #KILLS} times: starts {@code ProcessorMain} in a child JVM on the same configuration (application id,
     * instance id, state directory), waits until the previous instance's open transaction is resolved and this one
     * committed output of its own (so its tasks opened epochs), then until it has a transaction open, and SIGKILLs it.
     */
    private void killRepeatedly(ProcessorFixture fixture) throws InterruptedException {
        String topic = fixture.topics.encrypted();
        int committed = 0;
        Map<TopicPartition, Long> writtenAtKill = Map.of();
        for (int kill = 1; kill <= KILLS; kill++) {
            try (ForkedProcessor doomed =
                    ForkedProcessor.start(dir.resolve("doomed-" + kill), crashFriendly(fixture, "doomed"))) {
                committed = TopicReader.readAll(
                                fixture.bootstrap,
                                topic,
                                IsolationLevel.READ_COMMITTED,
                                committed + 1,
                                ProcessorFixture.TIMEOUT)
                        .size();
                TopicReader.awaitResolved(fixture.bootstrap, topic, writtenAtKill, ProcessorFixture.TIMEOUT);
                TopicReader.awaitOpenTransaction(fixture.bootstrap, topic, ProcessorFixture.TIMEOUT);
                doomed.kill();
                writtenAtKill = TopicReader.endOffsets(fixture.bootstrap, topic, IsolationLevel.READ_UNCOMMITTED);
            }
        }
    }

    /** Commits every 2 s, so a transaction is open when the kill lands. */
    private static Map<String, String> crashFriendly(ProcessorFixture fixture, String instanceId) {
        return fixture.crashTolerantConfig(instanceId, Duration.ofSeconds(2));
    }

    /** The next {@code count} inputs, remembered by transaction id. */
    private List<Transaction> generate(TransactionGenerator generator, int count) {
        List<Transaction> transactions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Transaction transaction = generator.next();
            transactions.add(transaction);
            inputs.put(transaction.getTransactionId(), transaction);
        }
        return transactions;
    }
}
