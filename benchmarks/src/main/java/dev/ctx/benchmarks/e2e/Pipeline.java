package dev.ctx.benchmarks.e2e;

import java.util.Properties;

import org.apache.kafka.streams.Topology;

/** A Streams application under test: what it reads, where its measured output goes, and how it is set up. */
interface Pipeline {

    /** A short name for reports, e.g. {@code passthrough}. */
    String name();

    /** Prepares what the topology needs before it starts (topics, key material); called once per run. */
    void prepare(BenchmarkEnvironment environment) throws Exception;

    /** The topology reading {@code inputTopic}. */
    Topology topology(BenchmarkEnvironment environment, String inputTopic);

    /** The topic whose committed records are counted and timed. */
    String measuredTopic();

    /** The same pipeline writing to its own topics, for a second, independent run (the latency phase). */
    Pipeline forLatency(String runId);

    /** Extra Streams settings, beyond the shared EOS settings. */
    default Properties streamsOverrides(BenchmarkEnvironment environment) {
        return new Properties();
    }
}
