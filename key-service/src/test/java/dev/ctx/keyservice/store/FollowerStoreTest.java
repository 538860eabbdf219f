package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.ctx.keyservice.participants.NotLeaderException;
import dev.ctx.keyservice.participants.StoreUnavailableException;

/**
 * A replica's store without a producer: a follower refuses every write with {@link NotLeaderException} (naming the
 * leader) before it touches Kafka; elected, it refuses until a recovery swapped a producer in; and it keeps the
 * transactional ids of its own producers apart from the other replicas'.
 */
class FollowerStoreTest {

    private final StoreHealth health = new StoreHealth(StoreHealth.State.FOLLOWER);
    private final AtomicInteger recoveries = new AtomicInteger();
    private final TransactionRunner runner =
            new TransactionRunner(null, health, Duration.ofSeconds(1), recoveries::incrementAndGet, true);

    @Test
    void aFollowerRefusesAWriteNamingTheLeader() {
        // Given
        health.leaderHint(() -> "replica-a");
        // When / Then
        assertThatThrownBy(() -> runner.commit("alice", List.of()))
                .isInstanceOfSatisfying(
                        NotLeaderException.class, e -> assertThat(e.leader()).hasValue("replica-a"))
                .hasMessageContaining("replica-a");
    }

    @Test
    void aFollowerThatKnowsNoLeaderStillRefuses() {
        // When / Then
        assertThatThrownBy(() -> runner.commit("alice", List.of()))
                .isInstanceOfSatisfying(
                        NotLeaderException.class, e -> assertThat(e.leader()).isEmpty());
    }

    @Test
    void anElectedReplicaRefusesUntilItTookOver() {
        // When
        boolean started = runner.startLeading();
        // Then: recovering (not a follower any more), and still no write goes through
        assertThat(started).isTrue();
        assertThat(health.state()).isEqualTo(StoreHealth.State.RECOVERING);
        assertThatThrownBy(() -> runner.commit("alice", List.of()))
                .isInstanceOf(StoreUnavailableException.class)
                .isNotInstanceOf(NotLeaderException.class);
    }

    @Test
    void onlyAFollowerStartsLeading() {
        // Given
        runner.startLeading();
        // When / Then: a second election while taking over does nothing
        assertThat(runner.startLeading()).isFalse();
    }

    @Test
    void aDemotedReplicaRefusesAtOnce() {
        // Given
        runner.startLeading();
        // When
        runner.follow();
        // Then
        assertThat(health.isFollower()).isTrue();
        assertThatThrownBy(() -> runner.commit("alice", List.of())).isInstanceOf(NotLeaderException.class);
    }

    @Test
    void aFailedStoreStaysFailedWhenDemoted() {
        // Given
        health.fatal();
        // When
        runner.follow();
        // Then
        assertThat(health.isAlive()).isFalse();
        assertThat(runner.startLeading()).isFalse();
    }

    @Test
    void aReplicaThatIsNotElectedFollowsInsteadOfTakingOver() {
        // Given: recovering (a write with an unknown outcome) while another replica was elected
        runner.startLeading();
        // When
        boolean mayTakeOver = runner.mayTakeOver(() -> false);
        // Then: it must not initialise a producer with the shared id (that would fence the leader)
        assertThat(mayTakeOver).isFalse();
        assertThat(health.isFollower()).isTrue();
        assertThat(runner.mayTakeOver(() -> true)).isTrue();
    }

    @Test
    void aSingleReplicaAlwaysRecovers() {
        // Given
        StoreHealth single = new StoreHealth();
        TransactionRunner alone = new TransactionRunner(null, single, Duration.ofSeconds(1), () -> {}, false);
        // When / Then
        assertThat(alone.mayTakeOver(() -> false)).isTrue();
        assertThat(single.isReady()).isTrue();
    }

    @Test
    void eachReplicaHasItsOwnAccessEventTransactionalId() {
        // Given
        StoreTopics topics = StoreTopics.defaults();
        StoreConfig single = new StoreConfig(Map.of(), topics, "ctx-key-service", false, Duration.ofSeconds(5));
        StoreConfig replicaA =
                new StoreConfig(Map.of(), topics, "ctx-key-service", false, Duration.ofSeconds(5), "replica-a");
        // When / Then: the shared id stays the store's; the own ids differ per replica
        assertThat(single.replicated()).isFalse();
        assertThat(single.ownTransactionalId("access")).isEqualTo("ctx-key-service-access");
        assertThat(replicaA.replicated()).isTrue();
        assertThat(replicaA.transactionalId()).isEqualTo("ctx-key-service");
        assertThat(replicaA.ownTransactionalId("access")).isEqualTo("ctx-key-service-access-replica-a");
        assertThat(replicaA.ownTransactionalId("opened")).isEqualTo("ctx-key-service-opened-replica-a");
    }
}
