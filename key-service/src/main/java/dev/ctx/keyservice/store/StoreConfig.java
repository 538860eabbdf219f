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
 * @param replica this replica's {@code service.instance} when several replicas share {@code transactionalId}
 * ({@code replication.enabled}), else empty: it suffixes the transactional ids of what every replica writes itself
 */
public record StoreConfig(
        Map<String, Object> clientProperties,
        StoreTopics topics,
        String transactionalId,
        boolean createTopics,
        Duration timeout,
        String replica) {

    public StoreConfig {
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(transactionalId, "transactionalId");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(replica, "replica");
    }

    /** A single replica: the store's own producers use {@code <transactionalId>-<purpose>}. */
    public StoreConfig(
            Map<String, Object> clientProperties,
            StoreTopics topics,
            String transactionalId,
            boolean createTopics,
            Duration timeout) {
        this(clientProperties, topics, transactionalId, createTopics, timeout, "");
    }

    /** Whether several replicas share {@link #transactionalId()}. */
    public boolean replicated() {
        return !replica.isEmpty();
    }

    /**
     * The transactional id of a producer this replica alone writes with (access events, denials):
     * {@code <transactionalId>-<purpose>}, and {@code -<replica>} when replicated, so replicas never fence each other.
     */
    public String ownTransactionalId(String purpose) {
        return transactionalId + "-" + purpose + (replicated() ? "-" + replica : "");
    }

    /** The same settings under another transactional id (a producer of this replica's own). */
    StoreConfig withTransactionalId(String id) {
        return new StoreConfig(clientProperties, topics, id, createTopics, timeout, replica);
    }
}
