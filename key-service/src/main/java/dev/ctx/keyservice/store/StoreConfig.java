package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the store reaches Kafka.
 *
 * @param clientProperties {@code bootstrap.servers} plus any security settings, applied to the producer, consumer and
 * admin
 * @param topics topic names
 * @param transactionalId the producer's transactional id: one live writer per id (a restarted instance fences the old
 * one)
 * @param createTopics create missing topics at startup (compacted ones with {@code cleanup.policy=compact})
 * @param timeout how long a write may wait for the broker before it fails
 */
public record StoreConfig(
        Map<String, Object> clientProperties,
        StoreTopics topics,
        String transactionalId,
        boolean createTopics,
        Duration timeout) {

    public StoreConfig {
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(transactionalId, "transactionalId");
        Objects.requireNonNull(timeout, "timeout");
    }
}
