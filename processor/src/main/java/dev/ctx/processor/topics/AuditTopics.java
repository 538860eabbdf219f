package dev.ctx.processor.topics;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicSpec;

/**
 * The sealer's output topics: {@code cleanup.policy=delete} with infinite retention ({@code retention.ms=-1},
 * {@code retention.bytes=-1}), so no entry or checkpoint ever ages out. {@code min.insync.replicas} is left to the
 * broker default here (the embedded single-broker cluster has one replica); production sets it to 2 of 3 replicas in
 * {@code deploy/strimzi/topics.yaml} (docs/audit-sealer.md, "Topics").
 */
public final class AuditTopics {

    /** The retention configs every sealer output topic is created with. */
    public static final Map<String, String> INFINITE_RETENTION =
            Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private AuditTopics() {}

    /** The sealer's input (as the encryption topology provisions it) and its two outputs. */
    public static List<TopicSpec> specs(AuditTopicNames names) {
        return List.of(
                new TopicSpec(names.accessEvents(), CleanupPolicy.DELETE),
                new TopicSpec(names.accessLog(), CleanupPolicy.DELETE, INFINITE_RETENTION),
                new TopicSpec(names.checkpoints(), CleanupPolicy.DELETE, INFINITE_RETENTION));
    }
}
