package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.client.auditlog.PartitionSummary;
import dev.ctx.processor.testing.CommittedOutput;
import dev.ctx.processor.testing.ForkedProcessor;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.SealedAccessLog;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.kafka.ForkedKafkaBroker;
import dev.ctx.testkit.leaks.LeakScanner;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * A crash run (issue 17, item 1, the processor and broker part): 50,000 transactions through a forked processor on a
 * forked broker; the processor is SIGKILLed twice with a transaction open, and the broker is SIGKILLed once and
 * restarted on the same log directory while a processor is working. Afterwards a {@code read_committed} reader sees
 * every input exactly once as one encrypted record, one envelope and one access event, every wrap opens, and no epoch
 * (enc, sequence) pair repeats across every envelope written. The access-log sealer runs in the same processor JVMs,
 * so it is killed with them: the sealed log then verifies as one unbroken chain per partition holding each input's
 * {@code ENCRYPTED} event exactly once.
 */
class ProcessorCrashRunIT {

    private static final List<String> POOL = List.of("client-1", "miner-1", "miner-2", "miner-3");
    private static final int TRANSACTIONS = 50_000;
    /** Generous: on a loaded 2-core machine 50,000 transactions with three JVM starts take minutes. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private final Map<String, Transaction> inputs = new ConcurrentHashMap<>();
    private SealedAccessLog log;

    @Test
    void killingTheBrokerOnceAndTheProcessorTwiceLosesAndDuplicatesNothing() throws Exception {
        try (ForkedKafkaBroker broker = new ForkedKafkaBroker(dir.resolve("broker"), Map.of()).start();
                SchemaRegistryServer registry =
                        SchemaRegistryServer.builder().build().start();
                ProcessorFixture fixture =
                        new ProcessorFixture(registry.url(), POOL, broker.bootstrapServers()).prepare()) {
            // Given: the whole run's input, waiting on the input topic, and an access log to seal its events into
            log = SealedAccessLog.provision(fixture, registry.url(), 3);
            TransactionGenerator generator = new TransactionGenerator(
                    new GeneratorSettings("crash-run", POOL, 2, 4, 1.0, 300, 1_767_225_600_000L), 17L);
            for (int batch = 0; batch < TRANSACTIONS / 5_000; batch++) {
                fixture.produce(generate(generator, 5_000));
            }

            // When: the first processor is killed mid-transaction
            Map<TopicPartition, Long> writtenAtKill = killMidTransaction(fixture, "first", 5_000, Map.of());
            // the second rides out a broker SIGKILL, then is killed mid-transaction itself
            try (ForkedProcessor second = fork(fixture, "second")) {
                TopicReader.awaitResolved(fixture.bootstrap, fixture.topics.encrypted(), writtenAtKill, TIMEOUT);
                awaitCommitted(fixture, 15_000);
                broker.kill();
                broker.start();
                awaitCommitted(fixture, 25_000);
                TopicReader.awaitOpenTransaction(fixture.bootstrap, fixture.topics.encrypted(), TIMEOUT);
                second.kill();
                writtenAtKill = TopicReader.endOffsets(
                        fixture.bootstrap, fixture.topics.encrypted(), IsolationLevel.READ_UNCOMMITTED);
            }
            // and the third finishes the run
            try (ForkedProcessor third = fork(fixture, "third")) {
                TopicReader.awaitResolved(fixture.bootstrap, fixture.topics.encrypted(), writtenAtKill, TIMEOUT);
                awaitCommitted(fixture, TRANSACTIONS);

                // Then
                CommittedOutput output = CommittedOutput.readEveryInputOnce(fixture, inputs);
                CommittedOutput.EpochWrapScan scan =
                        CommittedOutput.assertNoEpochSequenceRepeats(fixture, TRANSACTIONS);
                assertThat(scan.envelopesWritten())
                        .as("the killed instances' aborted envelopes are in the log too")
                        .isGreaterThan(TRANSACTIONS);
                output.assertEveryWrapOpens(fixture, inputs);
                assertEveryEncryptedEventSealedOnceInOneUnbrokenChain(fixture);
                assertThat(third.isAlive()).isTrue();
                assertNothingLeaked(fixture);
            }
        }
    }

    /** One committed {@code ENCRYPTED} event per input, sealed once; every partition's chain unbroken from 0. */
    private void assertEveryEncryptedEventSealedOnceInOneUnbrokenChain(ProcessorFixture fixture) {
        TopicReader.awaitAtLeast(
                fixture.bootstrap, log.topics().accessLog(), IsolationLevel.READ_COMMITTED, TRANSACTIONS, TIMEOUT);
        SealedAccessLog.Verified verified = log.verify();
        assertThat(verified.report().breaks()).as("chain breaks").isEmpty();
        assertThat(verified.report().entries()).isEqualTo(TRANSACTIONS);
        assertThat(verified.report().partitions())
                .allSatisfy(partition -> assertThat(partition)
                        .returns(0L, PartitionSummary::firstSequence)
                        .returns(partition.entries() - 1, PartitionSummary::lastSequence));
        assertThat(verified.sealedTimes())
                .hasSize(TRANSACTIONS)
                .allSatisfy((id, times) ->
                        assertThat(times).as("times event %s was sealed", id).isOne());
    }

    /** Starts an instance, waits for {@code committed} records of output, then SIGKILLs it with a transaction open. */
    private Map<TopicPartition, Long> killMidTransaction(
            ProcessorFixture fixture, String instanceId, int committed, Map<TopicPartition, Long> previousKill)
            throws InterruptedException {
        try (ForkedProcessor doomed = fork(fixture, instanceId)) {
            TopicReader.awaitResolved(fixture.bootstrap, fixture.topics.encrypted(), previousKill, TIMEOUT);
            awaitCommitted(fixture, committed);
            TopicReader.awaitOpenTransaction(fixture.bootstrap, fixture.topics.encrypted(), TIMEOUT);
            doomed.kill();
            return TopicReader.endOffsets(
                    fixture.bootstrap, fixture.topics.encrypted(), IsolationLevel.READ_UNCOMMITTED);
        }
    }

    /**
     * No topic but the input (aborted records, changelogs and the DLQ included), no state directory and no log of the
     * three processors holds a generated confidential value ({@code SECRET-<id>} in every settlement detail) or a
     * private key.
     */
    private void assertNothingLeaked(ProcessorFixture fixture) {
        LeakScanner scanner = LeakScanner.create().plantedValue("confidential marker", "SECRET-");
        fixture.keys.privateKeyBytes().forEach((id, key) -> scanner.secret("private key of " + id, key));
        List<String> topics = new ArrayList<>(fixture.outputAndInternalTopics());
        topics.addAll(log.sealerTopics());
        scanner.allTopics(fixture.bootstrap, topics::contains);
        for (String instance : List.of("first", "second", "third")) {
            // the child's properties and log (not the broker's directory: its log segments hold the plaintext input)
            scanner.directory(dir.resolve(instance)).directory(Path.of("target/streams-state/" + instance));
        }
        assertThat(scanner.scanned()).containsAll(topics);
        scanner.assertNoLeaks();
    }

    private static void awaitCommitted(ProcessorFixture fixture, int atLeast) {
        TopicReader.awaitAtLeast(
                fixture.bootstrap, fixture.topics.encrypted(), IsolationLevel.READ_COMMITTED, atLeast, TIMEOUT);
    }

    private ForkedProcessor fork(ProcessorFixture fixture, String instanceId) {
        return ForkedProcessor.start(
                dir.resolve(instanceId),
                log.withSealer(fixture.crashTolerantConfig(instanceId, Duration.ofSeconds(2))));
    }

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
