package dev.ctx.keyservice.escrow;

import java.util.List;

import dev.ctx.schemas.access.AccessEvent;

/**
 * Where escrow requests are stored: the compacted {@code escrow-requests} topic in production, memory in unit tests.
 */
public interface EscrowLog {

    /**
     * Commits {@code escrowCase} and its access events atomically (one Kafka transaction); returns only once all are
     * committed, and writes none on failure.
     *
     * @throws dev.ctx.keyservice.participants.StoreUnavailableException if the write was not committed
     */
    void commit(EscrowCase escrowCase, List<AccessEvent> events);
}
