package dev.ctx.keyservice.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The replica that owns partition 0 of the election topic leads; every change of role is told once. */
class LeaderRoleTest {

    private static final String TOPIC = "key-service.leader";
    private static final TopicPartition LEADER_PARTITION = new TopicPartition(TOPIC, 0);

    private final List<String> told = new ArrayList<>();
    private final LeaderRole role = new LeaderRole(TOPIC, new LeaderRole.Listener() {
        @Override
        public void elected() {
            told.add("elected");
        }

        @Override
        public void demoted() {
            told.add("demoted");
        }
    });

    @Test
    void theMemberAssignedPartitionZeroIsElected() {
        // When
        role.assigned(List.of(LEADER_PARTITION));
        // Then
        assertThat(role.isLeader()).isTrue();
        assertThat(told).containsExactly("elected");
    }

    @Test
    void aMemberAssignedNothingFollowsWithoutBeingTold() throws InterruptedException {
        // When
        role.assigned(List.of());
        // Then: it knows it follows (the first assignment arrived) and nothing changed
        assertThat(role.isLeader()).isFalse();
        assertThat(role.awaitFirstAssignment(0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(told).isEmpty();
    }

    @Test
    void anotherPartitionOfTheTopicDoesNotMakeALeader() {
        // When
        role.assigned(List.of(new TopicPartition(TOPIC, 1), new TopicPartition("other", 0)));
        // Then
        assertThat(role.isLeader()).isFalse();
        assertThat(told).isEmpty();
    }

    @Test
    void losingThePartitionDemotesTheLeaderOnce() {
        // Given
        role.assigned(List.of(LEADER_PARTITION));
        // When: revoked in a rebalance, then the lost callback for the same partition
        role.revoked(List.of(LEADER_PARTITION));
        role.revoked(List.of(LEADER_PARTITION));
        // Then
        assertThat(role.isLeader()).isFalse();
        assertThat(told).containsExactly("elected", "demoted");
    }

    @Test
    void aReassignedPartitionIsNotANewElection() {
        // Given
        role.assigned(List.of(LEADER_PARTITION));
        // When: an eager rebalance hands the same partition back
        role.assigned(List.of(LEADER_PARTITION));
        // Then
        assertThat(told).containsExactly("elected");
    }

    @Test
    void resigningDemotesALeaderAndLeavesAFollowerAlone() {
        // Given
        role.assigned(List.of(LEADER_PARTITION));
        // When
        role.resign();
        role.resign();
        // Then
        assertThat(role.isLeader()).isFalse();
        assertThat(told).containsExactly("elected", "demoted");
    }

    @Test
    void beforeAnyAssignmentTheOutcomeIsUnknown() throws InterruptedException {
        // When / Then
        assertThat(role.awaitFirstAssignment(10, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(role.isLeader()).isFalse();
    }
}
