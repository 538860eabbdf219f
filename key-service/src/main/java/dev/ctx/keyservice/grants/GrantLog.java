package dev.ctx.keyservice.grants;

import dev.ctx.schemas.access.AccessEvent;

/** Where grants are stored: the compacted {@code access-grants} topic in production, memory in unit tests. */
public interface GrantLog {

    /**
     * Commits {@code state} and its access event atomically (one Kafka transaction); returns only once both are
     * committed, and writes neither on failure.
     *
     * @throws dev.ctx.keyservice.participants.StoreUnavailableException if the write was not committed
     */
    void commit(GrantState state, AccessEvent event);
}
