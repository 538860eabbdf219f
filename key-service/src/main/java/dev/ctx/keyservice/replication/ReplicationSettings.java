package dev.ctx.keyservice.replication;

import java.time.Duration;
import java.util.Objects;

/**
 * How a replica takes part in the leader election.
 *
 * @param instance this replica's {@code service.instance} (unique per replica; the consumer's client id)
 * @param groupId the election's consumer group
 * @param topic the one-partition election topic (no records are written to it)
 * @param sessionTimeout how long a leader may miss heartbeats before the group replaces it
 * @param refreshInterval how often a follower looks for the leader's changes on the key topics
 */
public record ReplicationSettings(
        String instance, String groupId, String topic, Duration sessionTimeout, Duration refreshInterval) {

    public ReplicationSettings {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
    }
}
