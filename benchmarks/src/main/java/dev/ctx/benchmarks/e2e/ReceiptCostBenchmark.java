package dev.ctx.benchmarks.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.ctx.processor.config.WrapMode;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;

/**
 * What the receipt adds to the encryption topology end to end (issue 18, item 4): the product's topology with epoch
 * wraps, with receipts and without ({@code receipts.enabled=false}), on the same backlog on one embedded broker in this
 * JVM, alternating the two for a few rounds (order swapped every round). Prints transactions/s and application-thread
 * CPU seconds per 1,000 transactions of each run and the same-round CPU ratio.
 */
public final class ReceiptCostBenchmark {

    private ReceiptCostBenchmark() {}

    /** {@code java ... ReceiptCostBenchmark [transactions] [rounds]} (defaults 20,000 and 4). */
    public static void main(String[] args) throws Exception {
        int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String runId = "bench-receipts-" + UUID.randomUUID().toString().substring(0, 8);
        GeneratorSettings input = GeneratorSettings.benchmarkDefault(runId);
        Path work = Files.createTempDirectory("ctx-bench-receipts");
        try (BenchmarkEnvironment environment = BenchmarkEnvironment.start(work, runId)) {
            String inputTopic = runId + ".transactions";
            environment.createTopics(inputTopic);
            try (TransactionProducer producer = environment.producer(inputTopic)) {
                producer.produce(new TransactionGenerator(input, 1).asIterator(), transactions, 0, sent -> {});
            }
            List<String> lines = new ArrayList<>();
            double withCpu = 0;
            double withoutCpu = 0;
            for (int round = 1; round <= rounds; round++) {
                PipelineRunner runner = new PipelineRunner(environment, "round" + round);
                Pipeline with = new EncryptionPipeline(runId + "-w" + round, input, WrapMode.EPOCH, true);
                Pipeline without = new EncryptionPipeline(runId + "-n" + round, input, WrapMode.EPOCH, false);
                PipelineRunner.Throughput withReceipts;
                PipelineRunner.Throughput withoutReceipts;
                if (round % 2 == 1) {
                    withoutReceipts = runner.prepareAndMeasure(without, inputTopic, transactions);
                    withReceipts = runner.prepareAndMeasure(with, inputTopic, transactions);
                } else {
                    withReceipts = runner.prepareAndMeasure(with, inputTopic, transactions);
                    withoutReceipts = runner.prepareAndMeasure(without, inputTopic, transactions);
                }
                withCpu += withReceipts.cpuSecondsPer1000();
                withoutCpu += withoutReceipts.cpuSecondsPer1000();
                lines.add(line(round, withoutReceipts, withReceipts));
            }
            System.out.println("transactions per run: " + transactions + ", rounds: " + rounds + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                    + " " + System.getProperty("java.runtime.version"));
            System.out.println("| round | without receipts txn/s | CPU-s/1,000 | with receipts txn/s | CPU-s/1,000"
                    + " | CPU ratio |");
            System.out.println("|---|---|---|---|---|---|");
            lines.forEach(System.out::println);
            System.out.println(String.format(
                    Locale.ROOT,
                    "mean CPU-s/1000: without %.4f, with %.4f; the receipt adds %.1f %%",
                    withoutCpu / rounds,
                    withCpu / rounds,
                    100 * (withCpu / withoutCpu - 1)));
        }
    }

    private static String line(int round, PipelineRunner.Throughput without, PipelineRunner.Throughput with) {
        return String.format(
                Locale.ROOT,
                "| %d | %.0f | %.4f | %.0f | %.4f | %.2f |",
                round,
                without.perSecond(),
                without.cpuSecondsPer1000(),
                with.perSecond(),
                with.cpuSecondsPer1000(),
                with.cpuSecondsPer1000() / without.cpuSecondsPer1000());
    }
}
