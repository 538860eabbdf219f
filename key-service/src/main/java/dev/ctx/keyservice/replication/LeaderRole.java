package dev.ctx.keyservice.replication;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica leads, from the election group's rebalance callbacks: it leads while it owns partition 0 of the
 * election topic. Tells the {@link Listener} of every change once (elected, demoted). Thread-safe.
 */
public final class LeaderRole {

    private static final Logger LOGGER = LoggerFactory.getLogger(LeaderRole.class);

    /** What follows from a change of role. */
    public interface Listener {

        /** This replica leads from now on: it may take over the store (fencing the previous leader). */
        void elected();

        /** This replica no longer leads: it must stop writing at once. */
        void demoted();
    }

    private final TopicPartition leaderPartition;
    private final Listener listener;
    private final Set<TopicPartition> owned = new HashSet<>();
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private boolean leader;

    public LeaderRole(String topic, Listener listener) {
        this.leaderPartition = new TopicPartition(Objects.requireNonNull(topic, "topic"), 0);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The group assigned these partitions (possibly none: another member leads). */
    public void assigned(Collection<TopicPartition> partitions) {
        boolean changed;
        synchronized (this) {
            owned.addAll(partitions);
            changed = update();
        }
        firstAssignment.countDown();
        notifyIf(changed);
    }

    /** The group took these partitions back (a rebalance), or this member lost them (its session expired). */
    public void revoked(Collection<TopicPartition> partitions) {
        boolean changed;
        synchronized (this) {
            owned.removeAll(partitions);
            changed = update();
        }
        notifyIf(changed);
    }

    /** This replica is closing or its election consumer failed: it no longer leads. */
    public void resign() {
        boolean changed;
        synchronized (this) {
            owned.clear();
            changed = update();
        }
        notifyIf(changed);
    }

    public synchronized boolean isLeader() {
        return leader;
    }

    /** Waits until the first assignment arrived (this replica leads or knows it follows); false on timeout. */
    public boolean awaitFirstAssignment(long timeout, TimeUnit unit) throws InterruptedException {
        return firstAssignment.await(timeout, unit);
    }

    private boolean update() {
        boolean now = owned.contains(leaderPartition);
        boolean changed = now != leader;
        leader = now;
        return changed;
    }

    /** Outside the monitor: the listener may block (the store waits for a write in flight). */
    private void notifyIf(boolean changed) {
        if (!changed) {
            return;
        }
        if (isLeader()) {
            LOGGER.atInfo().addKeyValue("partition", leaderPartition).log("elected leader");
            listener.elected();
        } else {
            LOGGER.atWarn().addKeyValue("partition", leaderPartition).log("no longer the leader; following");
            listener.demoted();
        }
    }
}
