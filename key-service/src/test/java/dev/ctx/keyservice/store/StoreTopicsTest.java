package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicSpec;

class StoreTopicsTest {

    @Test
    void keyCustodyHasABoundedCompactionLagAndTheStrimziManifestSaysTheSame() throws Exception {
        // Given
        TopicSpec custody = StoreTopics.defaults().specs().stream()
                .filter(spec -> spec.name().equals("key-custody"))
                .findFirst()
                .orElseThrow();
        String manifest = Files.readString(Path.of("..", "deploy", "strimzi", "topics.yaml"));
        String fromCustody = manifest.substring(manifest.indexOf("topicName: key-custody"));
        String block = fromCustody.substring(0, fromCustody.indexOf("---"));

        // Then
        assertThat(custody.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(custody.extraConfigs()).containsKey("max.compaction.lag.ms");
        assertThat(Long.parseLong(custody.extraConfigs().get("max.compaction.lag.ms")))
                .isLessThanOrEqualTo(86_400_000L);
        assertThat(block).contains("cleanup.policy: \"compact\"");
        custody.extraConfigs().forEach((key, value) -> assertThat(block).as(key).contains(key + ": \"" + value + "\""));
    }

    @Test
    void bothKeyTopicsMustBeCompactedAndAccessEventsDeleted() {
        assertThat(StoreTopics.defaults().specs())
                .extracting(TopicSpec::name, TopicSpec::cleanupPolicy)
                .containsExactly(
                        Tuple.tuple("participant-keys", CleanupPolicy.COMPACT),
                        Tuple.tuple("key-custody", CleanupPolicy.COMPACT),
                        Tuple.tuple("access-log.events", CleanupPolicy.DELETE),
                        Tuple.tuple("access-grants", CleanupPolicy.COMPACT),
                        Tuple.tuple("escrow-requests", CleanupPolicy.COMPACT));
    }

    @Test
    void escrowTopicIsCompactedAndTheStrimziManifestSaysTheSame() throws Exception {
        // Given
        String manifest = Files.readString(Path.of("..", "deploy", "strimzi", "topics.yaml"));
        String fromEscrow = manifest.substring(manifest.indexOf("topicName: escrow-requests"));
        // When
        String block = fromEscrow.substring(0, fromEscrow.indexOf("---"));
        // Then
        assertThat(StoreTopics.defaults().escrowRequests()).isEqualTo("escrow-requests");
        assertThat(block).contains("cleanup.policy: \"compact\"");
    }

    @Test
    void grantsTopicIsCompactedAndTheStrimziManifestSaysTheSame() throws Exception {
        // Given
        String manifest = Files.readString(Path.of("..", "deploy", "strimzi", "topics.yaml"));
        String fromGrants = manifest.substring(manifest.indexOf("topicName: access-grants"));
        // When
        String block = fromGrants.substring(0, fromGrants.indexOf("---"));
        // Then
        assertThat(StoreTopics.defaults().accessGrants()).isEqualTo("access-grants");
        assertThat(block).contains("cleanup.policy: \"compact\"");
    }
}
