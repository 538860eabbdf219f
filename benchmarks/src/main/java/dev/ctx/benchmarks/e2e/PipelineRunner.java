package dev.ctx.benchmarks.e2e;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.data.TransactionProducer;

/** Runs one pipeline's throughput phase (a backlog) and latency phase (a paced input) with {@code exactly_once_v2}. */
final class PipelineRunner {

    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(10);
    /** Share of the latency phase's records counted as the new application's warm-up. */
    static final double WARMUP_SHARE = 0.1;

    private final BenchmarkEnvironment environment;
    private final String runId;

    PipelineRunner(BenchmarkEnvironment environment, String runId) {
        this.environment = environment;
        this.runId = runId;
    }

    /** Prepares {@code pipeline} (its topics and keyrings), then measures its {@link #throughput}. */
    Throughput prepareAndMeasure(Pipeline pipeline, String inputTopic, long count) throws Exception {
        pipeline.prepare(environment);
        return throughput(pipeline, inputTopic, count);
    }

    /** Processes the {@code count} records already in {@code inputTopic}; returns throughput and CPU per 1,000. */
    Throughput throughput(Pipeline pipeline, String inputTopic, long count) {
        String applicationId = runId + "-" + pipeline.name() + "-throughput";
        try (OutputWatcher watcher =
                        new OutputWatcher(environment, pipeline.measuredTopic(), applicationId + "-watch");
                KafkaStreams streams = start(pipeline, inputTopic, applicationId)) {
            long seen = watcher.awaitCount(count, PHASE_TIMEOUT, false);
            double cpuSeconds = ThreadCpu.nanosOfThreadsNamed(applicationId) / 1e9;
            requireAll(pipeline, seen, count);
            return new Throughput(watcher.throughputPerSecond(), cpuSeconds * 1000 / count);
        }
    }

    /**
     * Feeds {@code count} fresh records at {@code perSecond} to a newly started application and measures
     * produce-to-committed-output latency; the first {@link #WARMUP_SHARE} of the records (the new application's first
     * transactions) are reported apart from the steady state.
     */
    Latency latency(Pipeline pipeline, GeneratorSettings settings, long count, double perSecond) throws Exception {
        String applicationId = runId + "-" + pipeline.name() + "-latency";
        String inputTopic = applicationId + ".input";
        environment.createTopics(inputTopic);
        Pipeline paced = pipeline.forLatency(applicationId);
        paced.prepare(environment);
        try (OutputWatcher watcher = new OutputWatcher(environment, paced.measuredTopic(), applicationId + "-watch");
                KafkaStreams streams = start(paced, inputTopic, applicationId);
                TransactionProducer producer = environment.producer(inputTopic)) {
            awaitRunning(streams);
            Thread feeder = new Thread(
                    () -> feed(producer, new TransactionGenerator(settings, 99), count, perSecond),
                    applicationId + "-feeder");
            feeder.start();
            long seen = watcher.awaitCount(count, PHASE_TIMEOUT, true);
            feeder.join();
            requireAll(pipeline, seen, count);
            int warmup = (int) (count * WARMUP_SHARE);
            return new Latency(watcher.latency(warmup, (int) count), watcher.latency(0, warmup));
        }
    }

    private static void feed(
            TransactionProducer producer, TransactionGenerator generator, long count, double perSecond) {
        try {
            producer.produce(generator.asIterator(), count, perSecond, sent -> {});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KafkaStreams start(Pipeline pipeline, String inputTopic, String applicationId) {
        KafkaStreams streams =
                new KafkaStreams(pipeline.topology(environment, inputTopic), streamsConfig(pipeline, applicationId));
        streams.start();
        return streams;
    }

    private Properties streamsConfig(Pipeline pipeline, String applicationId) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, environment.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                environment.stateDir(applicationId).toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        props.putAll(pipeline.streamsOverrides(environment));
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("bench.streams."))
                .forEach(key -> props.put(key.substring("bench.streams.".length()), System.getProperty(key)));
        return props;
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new IllegalStateException("Streams application did not reach RUNNING: " + streams.state());
        }
    }

    private static void requireAll(Pipeline pipeline, long seen, long expected) {
        if (seen < expected) {
            throw new IllegalStateException(pipeline.name() + ": only " + seen + " of " + expected
                    + " records reached the measured topic within " + PHASE_TIMEOUT);
        }
    }

    /**
     * @param steadyMillis after the warm-up share
     * @param warmupMillis the first records of the newly started application
     */
    record Latency(Percentiles steadyMillis, Percentiles warmupMillis) {}

    /**
     * @param perSecond committed records per second
     * @param cpuSecondsPer1000 application-thread CPU seconds per 1,000 records
     */
    record Throughput(double perSecond, double cpuSecondsPer1000) {}
}
