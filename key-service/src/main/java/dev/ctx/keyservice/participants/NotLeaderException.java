package dev.ctx.keyservice.participants;

import java.util.Optional;

/**
 * This replica is a follower ({@code replication.enabled}): it answers reads and access requests but refuses
 * lifecycle writes, which only the elected leader commits. Nothing was changed; the client retries, on the leader or
 * here after a failover.
 */
public final class NotLeaderException extends StoreUnavailableException {

    private final String leader;

    /** @param leader the {@code service.instance} of the current leader, or null if unknown */
    public NotLeaderException(String leader) {
        super("this replica is not the leader" + (leader == null ? "" : "; the leader is " + leader), null);
        this.leader = leader;
    }

    /** The leader's {@code service.instance}, if this replica knows it. */
    public Optional<String> leader() {
        return Optional.ofNullable(leader);
    }
}
