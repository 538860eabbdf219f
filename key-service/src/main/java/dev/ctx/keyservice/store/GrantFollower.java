package dev.ctx.keyservice.store;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serde;

import dev.ctx.keyservice.grants.GrantTable;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessGrant;

/**
 * Keeps a {@link GrantTable} current with {@code access-grants} through a {@link CompactedTopicFollower}: replayed
 * before {@link #start} returns, then tailed. A tombstone or an undecodable record removes the grant (fail closed: no
 * record, no access).
 */
public final class GrantFollower implements AutoCloseable {

    private final CompactedTopicFollower follower;

    private GrantFollower(CompactedTopicFollower follower) {
        this.follower = follower;
    }

    /**
     * Replays the grants topic into {@code table}, then follows it in the background.
     *
     * @throws StoreUnavailableException if the replay cannot finish within the store timeout
     */
    public static GrantFollower start(StoreConfig config, Serde<AccessGrant> serde, GrantTable table) {
        String topic = config.topics().accessGrants();
        CompactedTopicFollower.Sink sink = new CompactedTopicFollower.Sink() {
            @Override
            public void apply(String key, byte[] value) {
                table.apply(GrantRecordMapper.fromAvro(serde.deserializer().deserialize(topic, value)));
            }

            @Override
            public void remove(String key) {
                table.remove(key);
            }
        };
        return new GrantFollower(CompactedTopicFollower.start(config, topic, sink, table::size));
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
