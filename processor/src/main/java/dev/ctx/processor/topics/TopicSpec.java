package dev.ctx.processor.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.config.TopicConfig;

/** A topic the processor needs: its name and cleanup policy. */
public record TopicSpec(String name, CleanupPolicy cleanupPolicy) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    }

    /** The topic configs to create it with. */
    public Map<String, String> configs() {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        return configs;
    }
}
