package dev.ctx.processor.topics;

import java.util.Objects;

/**
 * The topics of the access-log sealer: its input (the encryption topology's and the key service's access events), the
 * hash-chained log and its signed checkpoints (docs/access-log-chain.md).
 */
public record AuditTopicNames(String accessEvents, String accessLog, String checkpoints) {

    public AuditTopicNames {
        Objects.requireNonNull(accessEvents, "accessEvents");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** The names from the design's topic table. */
    public static AuditTopicNames defaults() {
        return new AuditTopicNames("access-log.events", "access-log", "access-log.checkpoints");
    }
}
