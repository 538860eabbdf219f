package dev.ctx.benchmarks.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventBuilder;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * The access-log sealer against a plain copy of the same {@code AccessEvent}s (same serdes, {@code exactly_once_v2}),
 * on one embedded broker in this JVM, on the same backlog, alternating copy and sealer for a few rounds (issue 15,
 * item 7). Prints events/s and application-thread CPU seconds per 1,000 events of each run and the cost ratios.
 */
public final class SealerBenchmark {

    private SealerBenchmark() {}

    /** {@code java ... SealerBenchmark [events] [rounds]} (defaults 20,000 and 2). */
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String runId = "bench-sealer-" + UUID.randomUUID().toString().substring(0, 8);
        Path work = Files.createTempDirectory("ctx-bench-sealer");
        try (BenchmarkEnvironment environment = BenchmarkEnvironment.start(work, runId)) {
            String inputTopic = runId + ".access-log.events";
            environment.createTopics(inputTopic);
            produce(environment, inputTopic, events);
            List<String> lines = new ArrayList<>();
            double copyCpu = 0;
            double sealerCpu = 0;
            double copyRate = 0;
            double sealerRate = 0;
            for (int round = 1; round <= rounds; round++) {
                PipelineRunner runner = new PipelineRunner(environment, "round" + round);
                PipelineRunner.Throughput copy =
                        runner.prepareAndMeasure(new AccessCopyPipeline(runId + "-" + round), inputTopic, events);
                PipelineRunner.Throughput sealer =
                        runner.prepareAndMeasure(new SealerPipeline(runId + "-" + round), inputTopic, events);
                copyCpu += copy.cpuSecondsPer1000();
                sealerCpu += sealer.cpuSecondsPer1000();
                copyRate += copy.perSecond();
                sealerRate += sealer.perSecond();
                lines.add(line("access-copy", round, copy));
                lines.add(line("sealer", round, sealer));
            }
            System.out.println("events per run: " + events + ", rounds: " + rounds + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                    + " " + System.getProperty("java.runtime.version"));
            System.out.println("| pipeline | round | events/s | CPU-s per 1,000 |");
            System.out.println("|---|---|---|---|");
            lines.forEach(System.out::println);
            System.out.println(String.format(
                    Locale.ROOT,
                    "mean: copy %.0f events/s %.4f CPU-s/1000; sealer %.0f events/s %.4f CPU-s/1000;"
                            + " CPU cost ratio %.2fx, throughput ratio (copy/sealer) %.2fx",
                    copyRate / rounds,
                    copyCpu / rounds,
                    sealerRate / rounds,
                    sealerCpu / rounds,
                    sealerCpu / copyCpu,
                    copyRate / sealerRate));
        }
    }

    private static String line(String name, int round, PipelineRunner.Throughput throughput) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.0f | %.4f |",
                name,
                round,
                throughput.perSecond(),
                throughput.cpuSecondsPer1000());
    }

    /** {@code count} distinct access events keyed by event id (the sealer's dedup lookup is paid on every one). */
    private static void produce(BenchmarkEnvironment environment, String topic, int count) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        try (KafkaProducer<String, AccessEvent> producer = new KafkaProducer<>(
                config,
                new StringSerializer(),
                environment.serde(AccessEvent.class).serializer())) {
            Instant start = Instant.parse("2026-12-01T09:00:00Z");
            for (int i = 0; i < count; i++) {
                AccessEvent event = AccessEventBuilder.of(
                                AccessEventType.ACCESS_GRANTED,
                                AccessOutcome.GRANTED,
                                "key-service/bench-1",
                                start.plusMillis(i))
                        .setRequester("auditor-" + (i % 10))
                        .setTransactionId("txn-" + i)
                        .setAttributes(Map.of("recipient", "miner-" + (i % 3), "keyVersion", "1"))
                        .build();
                producer.send(new ProducerRecord<>(topic, event.getEventId(), event));
            }
        }
    }
}
