package dev.ctx.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.ctx.processor.config.WrapMode;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;

/**
 * Runs the pass-through baseline and the encryption topology with per-transaction and with epoch wraps on the same
 * generated input, in this JVM, on one embedded
 * broker, and writes {@code <resultsDir>/<name>.json}.
 */
public final class EndToEndBenchmark {

    private EndToEndBenchmark() {}

    /**
     * {@code java ... EndToEndBenchmark [--quick]}: prints the table; the last line is the epoch-mode throughput ratio.
     */
    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path results = Path.of("benchmarks", "results");
        Path work = Files.createTempDirectory("ctx-bench");
        BenchmarkSettings settings =
                quick ? BenchmarkSettings.quick(results, work) : BenchmarkSettings.full(results, work);
        System.out.println(run(settings).table());
    }

    /** Runs both pipelines and writes the JSON report. */
    public static BenchmarkReport run(BenchmarkSettings settings) throws Exception {
        String runId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        GeneratorSettings input = GeneratorSettings.benchmarkDefault(runId);
        try (BenchmarkEnvironment environment = BenchmarkEnvironment.start(settings.workDir(), runId)) {
            List<Pipeline> pipelines = List.of(
                    new PassThroughPipeline(runId),
                    new EncryptionPipeline(runId, input, WrapMode.PER_TRANSACTION),
                    new EncryptionPipeline(runId + "-epoch", input, WrapMode.EPOCH));
            String inputTopic = runId + ".transactions";
            environment.createTopics(inputTopic);
            try (TransactionProducer producer = environment.producer(inputTopic)) {
                producer.produce(
                        new TransactionGenerator(input, 1).asIterator(), settings.transactions(), 0, sent -> {});
            }
            BenchmarkReport report = measure(settings, environment, pipelines, inputTopic, input);
            write(report, settings.resultsDir().resolve(settings.name() + ".json"));
            return report;
        }
    }

    private static BenchmarkReport measure(
            BenchmarkSettings settings,
            BenchmarkEnvironment environment,
            List<Pipeline> pipelines,
            String inputTopic,
            GeneratorSettings input)
            throws Exception {
        PipelineRunner runner = new PipelineRunner(environment, "run");
        List<PipelineRunner.Throughput> throughputs = new ArrayList<>();
        for (Pipeline pipeline : pipelines) {
            throughputs.add(runner.prepareAndMeasure(pipeline, inputTopic, settings.transactions()));
        }
        // every pipeline's latency is measured at one input rate, a fraction of the slowest pipeline's throughput
        double rate = settings.latencyLoad()
                * throughputs.stream()
                        .mapToDouble(PipelineRunner.Throughput::perSecond)
                        .min()
                        .orElseThrow();
        List<PipelineResult> results = new ArrayList<>();
        for (int i = 0; i < pipelines.size(); i++) {
            PipelineRunner.Latency latency =
                    runner.latency(pipelines.get(i), input, settings.latencyTransactions(), rate);
            PipelineRunner.Throughput throughput = throughputs.get(i);
            results.add(new PipelineResult(
                    pipelines.get(i).name(),
                    settings.transactions(),
                    throughput.perSecond(),
                    throughput.cpuSecondsPer1000(),
                    rate,
                    latency.steadyMillis(),
                    latency.warmupMillis()));
        }
        return new BenchmarkReport(settings.name(), machine(), settings, results, keyService(settings, environment));
    }

    private static List<KeyServiceLoad.OperationResult> keyService(
            BenchmarkSettings settings, BenchmarkEnvironment environment) throws Exception {
        try (KeyServiceLoad load = KeyServiceLoad.start(environment, settings.workDir(), "ks")) {
            List<String> ids = load.register(20);
            return List.of(
                    load.rotations(ids, settings.keyServiceOperations()),
                    load.reads(ids, settings.keyServiceOperations() * 10));
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
    }

    private static void write(BenchmarkReport report, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper()
                .findAndRegisterModules()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), report);
    }
}
