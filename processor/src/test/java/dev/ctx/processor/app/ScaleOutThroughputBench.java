package dev.ctx.processor.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.processor.config.ProcessorConfig;
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
 * Benchmark, not a test (the name matches neither Surefire's nor Failsafe's pattern; run it with
 * {@code -Dit.test=ScaleOutThroughputBench}, command in BENCHMARKS.md): the throughput of one forked processor
 * instance against two with one application id, on the same generated input (3 participants + escrow, all
 * confidential, epoch wraps, {@code exactly_once_v2}) and the same broker, each run with a fresh application id and
 * fresh topics of {@value #PARTITIONS} partitions. Each run starts its instances on an empty input topic, waits until
 * every instance holds input partitions, then produces the input and times from the first send to the last committed
 * encrypted record. Prints txn/s per run, the ratio 2/1 and the load average, and writes them to
 * {@code target/scale-out-bench.txt}. Asserts only that every input came out exactly once, never a speed.
 */
class ScaleOutThroughputBench {

    private static final int TRANSACTIONS = Integer.getInteger("bench.transactions", 20_000);
    /** Even, so that two instances get the same share. */
    private static final int PARTITIONS = 4;
    /** Generous: a loaded 2-core machine drains 20,000 transactions at a few hundred per second. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void twoInstancesAgainstOneOnTheSameInput() throws Exception {
        try (SchemaRegistryServer registry =
                SchemaRegistryServer.builder().build().start()) {
            String before = loadAverage();
            Run one = run(registry, 1);
            Run two = run(registry, 2);
            String report = String.join(
                    System.lineSeparator(),
                    "scale-out bench: " + TRANSACTIONS + " transactions, " + PARTITIONS
                            + " input partitions, epoch wraps, exactly_once_v2",
                    one.row(),
                    two.row(),
                    String.format(Locale.ROOT, "ratio 2/1 = %.2f", two.perSecond() / one.perSecond()),
                    "load average before: " + before + "; after: " + loadAverage());
            System.out.println(report);
            Files.writeString(Path.of("target", "scale-out-bench.txt"), report + System.lineSeparator());
        }
    }

    /** One measured run of {@code instances} forked processors on a fresh deployment. */
    private Run run(SchemaRegistryServer registry, int instances) throws Exception {
        try (ProcessorFixture fixture = new ProcessorFixture(
                        registry.url(), GeneratorSettings.benchmarkDefault("x").participantPool())
                .prepare(PARTITIONS)) {
            Map<String, Transaction> inputs = new HashMap<>();
            List<Transaction> transactions = generate(instances, inputs);
            List<ForkedProcessor> processors = new ArrayList<>();
            try {
                for (int i = 1; i <= instances; i++) {
                    processors.add(fork(fixture, "bench" + instances + "-" + i));
                }
                ApplicationGroup.awaitMembersWithInput(fixture, instances);
                String loadAtStart = loadAverage();
                long start = System.nanoTime();
                fixture.produce(transactions);
                TopicReader.awaitAtLeast(
                        fixture.bootstrap,
                        fixture.topics.encrypted(),
                        IsolationLevel.READ_COMMITTED,
                        TRANSACTIONS,
                        DRAIN_TIMEOUT);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                String loadAtEnd = loadAverage();
                CommittedOutput.readEveryInputOnce(fixture, inputs);
                return new Run(instances, took, loadAtStart, loadAtEnd);
            } finally {
                for (ForkedProcessor processor : processors) {
                    processor.close();
                }
            }
        }
    }

    /** The same transactions for every run: the generator's seed and settings are fixed, ids carry the run. */
    private static List<Transaction> generate(int run, Map<String, Transaction> inputs) {
        TransactionGenerator generator =
                new TransactionGenerator(GeneratorSettings.benchmarkDefault("scale" + run), 11L);
        List<Transaction> transactions = new ArrayList<>(TRANSACTIONS);
        for (int i = 0; i < TRANSACTIONS; i++) {
            Transaction transaction = generator.next();
            transactions.add(transaction);
            inputs.put(transaction.getTransactionId(), transaction);
        }
        return transactions;
    }

    private ForkedProcessor fork(ProcessorFixture fixture, String instanceId) {
        Map<String, String> config = fixture.config(instanceId);
        config.put(ProcessorConfig.WRAP_MODE_CONFIG, "epoch");
        config.put(ProcessorConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
        config.put("streams.num.standby.replicas", "0");
        // ForkedProcessor's defaults are tuned for start-up time (C1 only); a throughput run wants the full JIT
        return ForkedProcessor.start(dir.resolve(instanceId), config, List.of("-Xmx512m", "-XX:TieredStopAtLevel=4"));
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                .split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private record Run(int instances, Duration took, String loadAtStart, String loadAtEnd) {

        double perSecond() {
            return TRANSACTIONS / (took.toNanos() / 1e9);
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "%d instance(s): %,.0f txn/s (%d transactions in %.1f s; load average %s at start, %s at end)",
                    instances,
                    perSecond(),
                    TRANSACTIONS,
                    took.toNanos() / 1e9,
                    loadAtStart,
                    loadAtEnd);
        }
    }
}
