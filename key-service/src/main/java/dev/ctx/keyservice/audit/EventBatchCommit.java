package dev.ctx.keyservice.audit;

import java.util.List;

import dev.ctx.schemas.access.AccessEvent;

/** Commits a batch of access events atomically (one Kafka transaction). Called from one thread at a time. */
@FunctionalInterface
public interface EventBatchCommit {

    /**
     * Returns only once every event of {@code batch} is committed.
     *
     * @throws RuntimeException if the batch was not committed (a read_committed reader sees none of it)
     */
    void commit(List<AccessEvent> batch);
}
