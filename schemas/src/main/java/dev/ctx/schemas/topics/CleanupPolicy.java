package dev.ctx.schemas.topics;

import org.apache.kafka.common.config.TopicConfig;

/** A topic's {@code cleanup.policy}. */
public enum CleanupPolicy {

    /** Segments are deleted by retention. */
    DELETE(TopicConfig.CLEANUP_POLICY_DELETE),

    /** The latest value per key is kept; tombstones remove a key. */
    COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the {@code cleanup.policy} topic config. */
    public String configValue() {
        return configValue;
    }
}
