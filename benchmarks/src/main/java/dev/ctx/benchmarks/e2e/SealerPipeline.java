package dev.ctx.benchmarks.e2e;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.streams.Topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.processor.audit.MicrometerSealerMetrics;
import dev.ctx.processor.audit.SealerSettings;
import dev.ctx.processor.audit.SealerTopology;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.topics.AuditTopicNames;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;

/**
 * The access-log sealer topology of {@code main} ({@link SealerTopology#build}): dedup and chain every event into
 * {@code access-log}, with the defaults of {@code audit.sealer.dedup.window} and {@code audit.checkpoint.events}
 * (a checkpoint per 1,000 entries of a partition, signed in this JVM by {@link LocalCheckpointSigner}).
 */
final class SealerPipeline implements Pipeline {

    /** The default of {@code audit.sealer.dedup.window}. */
    private static final long DEDUP_WINDOW = 100_000;
    /** The default of {@code audit.checkpoint.events}. */
    private static final long CHECKPOINT_EVENTS = 1_000;

    private final String runId;
    private final String accessLog;
    private final String checkpoints;
    private final String deadLetters;

    SealerPipeline(String runId) {
        this.runId = runId;
        this.accessLog = runId + ".access-log";
        this.checkpoints = runId + ".access-log.checkpoints";
        this.deadLetters = runId + ".sealer-dlq";
    }

    @Override
    public String name() {
        return "sealer";
    }

    @Override
    public void prepare(BenchmarkEnvironment environment) throws Exception {
        environment.createTopics(accessLog, checkpoints, deadLetters);
    }

    @Override
    public Topology topology(BenchmarkEnvironment environment, String inputTopic) {
        TopologySerdes serdes = TopologySerdes.create(Map.of("schema.registry.url", environment.registryUrl()));
        SealerSettings settings = new SealerSettings(
                new LocalCheckpointSigner(),
                CHECKPOINT_EVENTS,
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                DEDUP_WINDOW,
                new MicrometerSealerMetrics(new SimpleMeterRegistry()),
                new DeadLetters("benchmarks/audit-sealer", Clock.systemUTC()));
        return SealerTopology.build(
                new AuditTopicNames(inputTopic, accessLog, checkpoints),
                deadLetters,
                serdes.accessEvent(),
                SealerTopology.entrySerde(Map.of("schema.registry.url", environment.registryUrl())),
                environment.serde(AccessLogCheckpoint.class),
                serdes.deadLetter(),
                settings);
    }

    @Override
    public String measuredTopic() {
        return accessLog;
    }

    @Override
    public Pipeline forLatency(String latencyRunId) {
        return new SealerPipeline(runId + "-" + latencyRunId);
    }
}
