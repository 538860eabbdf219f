package dev.ctx.keyservice.store;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serde;

import dev.ctx.keyservice.escrow.EscrowTable;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.EscrowRequest;

/**
 * Keeps an {@link EscrowTable} current with {@code escrow-requests} through a {@link CompactedTopicFollower}: replayed
 * before {@link #start} returns (so a restarted service knows every request's state before it serves), then tailed.
 * A tombstone, an undecodable record, a record whose key is not its request id, or a state this version does not know
 * removes the request (fail closed: no record, no open).
 */
public final class EscrowFollower implements AutoCloseable {

    private final CompactedTopicFollower follower;

    private EscrowFollower(CompactedTopicFollower follower) {
        this.follower = follower;
    }

    /**
     * Replays the escrow topic into {@code table}, then follows it in the background.
     *
     * @throws StoreUnavailableException if the replay cannot finish within the store timeout
     */
    public static EscrowFollower start(StoreConfig config, Serde<EscrowRequest> serde, EscrowTable table) {
        String topic = config.topics().escrowRequests();
        CompactedTopicFollower.Sink sink = new CompactedTopicFollower.Sink() {
            @Override
            public void apply(String key, byte[] value) {
                table.apply(
                        EscrowRecordMapper.fromAvro(key, serde.deserializer().deserialize(topic, value)));
            }

            @Override
            public void remove(String key) {
                table.remove(key);
            }
        };
        return new EscrowFollower(CompactedTopicFollower.start(config, topic, sink, table::size));
    }

    /**
     * Waits until every record committed before the call was applied (a replica taking over as leader decides on the
     * newest state).
     *
     * @throws StoreUnavailableException if it did not catch up within {@code timeout}
     */
    public void awaitCaughtUp(Duration timeout) {
        follower.awaitCaughtUp(timeout);
    }

    @Override
    public void close() {
        follower.close();
    }
}
