package dev.ctx.benchmarks.e2e;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import dev.ctx.schemas.access.AccessEvent;

/** The sealer's baseline: copies {@code AccessEvent}s to an output topic with the same serde, nothing else. */
final class AccessCopyPipeline implements Pipeline {

    private final String runId;
    private final String outputTopic;

    AccessCopyPipeline(String runId) {
        this.runId = runId;
        this.outputTopic = runId + ".access-copy";
    }

    @Override
    public String name() {
        return "access-copy";
    }

    @Override
    public void prepare(BenchmarkEnvironment environment) throws Exception {
        environment.createTopics(outputTopic);
    }

    @Override
    public Topology topology(BenchmarkEnvironment environment, String inputTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(inputTopic, Consumed.with(Serdes.String(), environment.serde(AccessEvent.class)))
                .to(outputTopic, Produced.with(Serdes.String(), environment.serde(AccessEvent.class)));
        return builder.build();
    }

    @Override
    public String measuredTopic() {
        return outputTopic;
    }

    @Override
    public Pipeline forLatency(String latencyRunId) {
        return new AccessCopyPipeline(runId + "-" + latencyRunId);
    }
}
