package dev.ctx.keyservice.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What {@code /health} and {@code ctx_key_service_leader} say about a replica's role. */
class ReplicaStatusTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aSingleReplicaAlwaysWrites() {
        // Given
        ReplicaStatus status = ReplicaStatus.single("key-service-0").register(meters);
        // When / Then
        assertThat(status.role()).isEqualTo("single");
        assertThat(meters.get(ReplicaStatus.LEADER_GAUGE).gauge().value()).isEqualTo(1.0);
        assertThat(status.health(true, true))
                .containsEntry("role", "single")
                .containsEntry("leader", "key-service-0")
                .containsEntry("status", "ok");
    }

    @Test
    void aFollowerSaysWhoLeadsAndTheGaugeFollowsTheElection() {
        // Given
        AtomicBoolean leads = new AtomicBoolean(false);
        ReplicaStatus status =
                new ReplicaStatus("replica-b", true, leads::get, () -> Optional.of("replica-a")).register(meters);
        // Then: a follower
        assertThat(status.role()).isEqualTo("follower");
        assertThat(status.writes()).isFalse();
        assertThat(meters.get(ReplicaStatus.LEADER_GAUGE).gauge().value()).isEqualTo(0.0);
        assertThat(status.health(true, true))
                .containsEntry("role", "follower")
                .containsEntry("instance", "replica-b")
                .containsEntry("leader", "replica-a");
        // When: elected
        leads.set(true);
        // Then
        assertThat(status.role()).isEqualTo("leader");
        assertThat(meters.get(ReplicaStatus.LEADER_GAUGE).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void anUnknownLeaderIsLeftOutAndAnUnreadyReplicaIsDegraded() {
        // Given
        ReplicaStatus status = new ReplicaStatus("replica-b", true, () -> false, Optional::empty);
        // When / Then
        assertThat(status.health(true, false))
                .doesNotContainKey("leader")
                .containsEntry("ready", false)
                .containsEntry("status", "degraded");
    }
}
