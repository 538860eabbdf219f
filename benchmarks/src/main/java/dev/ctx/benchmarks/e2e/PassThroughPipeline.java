package dev.ctx.benchmarks.e2e;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import dev.ctx.schemas.transaction.Transaction;

/** The baseline: copies {@code Transaction}s to an output topic, deserializing and serializing with the same serde. */
final class PassThroughPipeline implements Pipeline {

    private final String outputTopic;

    PassThroughPipeline(String runId) {
        this.outputTopic = runId + ".passthrough";
    }

    @Override
    public String name() {
        return "passthrough";
    }

    @Override
    public void prepare(BenchmarkEnvironment environment) throws Exception {
        environment.createTopics(outputTopic);
    }

    @Override
    public Topology topology(BenchmarkEnvironment environment, String inputTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(inputTopic, Consumed.with(Serdes.String(), environment.serde(Transaction.class)))
                .to(outputTopic, Produced.with(Serdes.String(), environment.serde(Transaction.class)));
        return builder.build();
    }

    @Override
    public Pipeline forLatency(String runId) {
        return new PassThroughPipeline(runId);
    }

    @Override
    public String measuredTopic() {
        return outputTopic;
    }
}
