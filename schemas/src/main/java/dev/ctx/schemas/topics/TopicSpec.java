package dev.ctx.schemas.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic a component needs: its name, its cleanup policy (checked on an existing topic) and further configs it is
 * created with (e.g. compaction bounds; not checked on an existing topic, where operators may have tuned them).
 *
 * @param name the topic name
 * @param cleanupPolicy required exactly: a compacted topic created with {@code delete} loses keys at retention
 * @param extraConfigs topic configs besides {@code cleanup.policy}, applied at creation only
 */
public record TopicSpec(String name, CleanupPolicy cleanupPolicy, Map<String, String> extraConfigs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        extraConfigs = Map.copyOf(extraConfigs);
        if (extraConfigs.containsKey(TopicConfig.CLEANUP_POLICY_CONFIG)) {
            throw new IllegalArgumentException("cleanup.policy is the cleanupPolicy component, not an extra config");
        }
    }

    /** A topic with only its cleanup policy. */
    public TopicSpec(String name, CleanupPolicy cleanupPolicy) {
        this(name, cleanupPolicy, Map.of());
    }

    /** This spec with one more creation config. */
    public TopicSpec withConfig(String key, String value) {
        Map<String, String> configs = new HashMap<>(extraConfigs);
        configs.put(key, value);
        return new TopicSpec(name, cleanupPolicy, configs);
    }

    /** The topic configs to create it with. */
    public Map<String, String> configs() {
        Map<String, String> configs = new HashMap<>(extraConfigs);
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        return configs;
    }
}
