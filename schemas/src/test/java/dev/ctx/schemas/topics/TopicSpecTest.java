package dev.ctx.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void createsTheTopicWithItsCleanupPolicyAndItsExtraConfigs() {
        // Given
        TopicSpec spec =
                new TopicSpec("key-custody", CleanupPolicy.COMPACT).withConfig("max.compaction.lag.ms", "86400000");

        // When / Then
        assertThat(spec.configs()).isEqualTo(Map.of("cleanup.policy", "compact", "max.compaction.lag.ms", "86400000"));
    }

    @Test
    void refusesACleanupPolicyHiddenInTheExtraConfigs() {
        assertThatThrownBy(() -> new TopicSpec("keys", CleanupPolicy.COMPACT, Map.of("cleanup.policy", "delete")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
