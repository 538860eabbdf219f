package dev.ctx.keyservice.revocation;

import java.util.List;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.commands.EnvelopeCommand;

/** Where accepted commands go: all of them and their access events in one Kafka transaction, or none. */
@FunctionalInterface
public interface EnvelopeCommandLog {

    /**
     * Returns only after the broker committed every command and event.
     *
     * @throws dev.ctx.keyservice.participants.StoreUnavailableException if the transaction was not committed
     */
    void commit(List<EnvelopeCommand> commands, List<AccessEvent> events);
}
