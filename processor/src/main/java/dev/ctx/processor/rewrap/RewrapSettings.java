package dev.ctx.processor.rewrap;

import java.time.Duration;
import java.util.Objects;

import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.metrics.RewrapMetrics;

/**
 * What the rewrap topology needs besides its topics and serdes.
 *
 * @param client the key service's batch rewrap call
 * @param batchSize items per punctuation (one HTTP call per participant and target version among them), 1..500
 * @param interval wall-clock period of the rewrap punctuator
 * @param source the writing component and instance, e.g. {@code processor/rewrap-1}
 * @param progressTopic the compacted progress topic (per partition, per old version: envelopes remaining)
 * @param envelopePartitions the partitions of {@code transactions.envelopes}: a version is retired only when this
 *     many partitions have reported zero
 */
public record RewrapSettings(
        RewrapClient client,
        int batchSize,
        Duration interval,
        RewrapMetrics metrics,
        DeadLetters deadLetters,
        String source,
        String progressTopic,
        int envelopePartitions) {

    public RewrapSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(progressTopic, "progressTopic");
        if (envelopePartitions < 1) {
            throw new IllegalArgumentException("envelopePartitions must be >= 1");
        }
        if (batchSize < 1 || batchSize > RewrapRequest.MAX_ITEMS) {
            throw new IllegalArgumentException("batchSize must be 1.." + RewrapRequest.MAX_ITEMS);
        }
    }
}
