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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.processor.testing.ApplicationGroup;
import dev.ctx.processor.testing.CommittedOutput;
import dev.ctx.processor.testing.ForkedProcessor;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * Scale-out of the encryption topology: two processor JVMs with one application id share the input's three
 * partitions while input keeps arriving, a third joins mid-run (the group rebalances onto all three), then one of the
 * first two is SIGKILLed (its partitions move to the survivors after its session times out, and its open transaction
 * is aborted). A {@code read_committed} consumer then sees every input exactly once as one encrypted record, one
 * envelope and one access event, and every envelope opens for every recipient.
 */
class ProcessorScaleOutIT {

    private static final List<String> POOL = List.of("client-1", "miner-1", "miner-2", "miner-3");
    private static final int BACKLOG = 3_000;
    /** Input added every 100 ms while instances join and die. */
    private static final int FEED = 20;
    /** Committed output each step must add, so that every step happens while the group is working. */
    private static final int PROGRESS = 200;

    @TempDir
    Path dir;

    private final Map<String, Transaction> inputs = new ConcurrentHashMap<>();

    @Test
    void aJoiningInstanceAndAKilledOneLeaveEveryInputExactlyOnce() throws Exception {
        try (SchemaRegistryServer registry =
                        SchemaRegistryServer.builder().build().start();
                ProcessorFixture fixture = new ProcessorFixture(registry.url(), POOL).prepare()) {
            // Given: a backlog and a steady feed, two instances of one application
            TransactionGenerator generator = new TransactionGenerator(
                    new GeneratorSettings("scale", POOL, 2, 4, 1.0, 300, 1_767_225_600_000L), 7L);
            fixture.produce(generate(generator, BACKLOG));
            ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
            feeder.scheduleWithFixedDelay(
                    () -> fixture.produce(generate(generator, FEED)), 0, 100, TimeUnit.MILLISECONDS);
            try (ForkedProcessor first = fork(fixture, "first");
                    ForkedProcessor second = fork(fixture, "second")) {
                ApplicationGroup.awaitMembersWithInput(fixture, 2);
                int committed = awaitProgress(fixture, 0);

                // When: a third instance joins, then the first is killed
                try (ForkedProcessor third = fork(fixture, "third")) {
                    ApplicationGroup.awaitMembersWithInput(fixture, 3);
                    committed = awaitProgress(fixture, committed);
                    first.kill();
                    ApplicationGroup.awaitMembersWithInput(fixture, 2);
                    awaitProgress(fixture, committed);
                    feeder.shutdown();
                    assertThat(feeder.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                    // Then
                    CommittedOutput.readEveryInputOnce(fixture, inputs).assertEveryWrapOpens(fixture, inputs);
                    assertThat(first.isAlive()).isFalse();
                    assertThat(second.isAlive())
                            .as("the second instance kept running")
                            .isTrue();
                    assertThat(third.isAlive())
                            .as("the third instance kept running")
                            .isTrue();
                }
            } finally {
                feeder.shutdownNow();
            }
        }
    }

    /** Waits until committed output on the encrypted topic exceeds {@code committed} by {@value #PROGRESS}. */
    private static int awaitProgress(ProcessorFixture fixture, int committed) {
        return TopicReader.awaitAtLeast(
                fixture.bootstrap,
                fixture.topics.encrypted(),
                IsolationLevel.READ_COMMITTED,
                committed + PROGRESS,
                ProcessorFixture.TIMEOUT);
    }

    private ForkedProcessor fork(ProcessorFixture fixture, String instanceId) {
        return ForkedProcessor.start(dir.resolve(instanceId), scaleOutFriendly(fixture, instanceId));
    }

    /** Commits often and notices a dead member quickly, so the test spends its time on the run, not on timeouts. */
    private static Map<String, String> scaleOutFriendly(ProcessorFixture fixture, String instanceId) {
        Map<String, String> config = fixture.crashTolerantConfig(instanceId, Duration.ofMillis(500));
        config.put("streams.num.standby.replicas", "0");
        return config;
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
