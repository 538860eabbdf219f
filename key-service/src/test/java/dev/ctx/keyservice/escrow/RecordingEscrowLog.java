package dev.ctx.keyservice.escrow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;

/** An in-process escrow log: keeps every committed case with its events; can be made to fail every commit. */
final class RecordingEscrowLog implements EscrowLog {

    /** One committed transaction: the request's record and its events. */
    record Commit(EscrowCase escrowCase, List<AccessEvent> events) {}

    final List<Commit> commits = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public void commit(EscrowCase escrowCase, List<AccessEvent> events) {
        if (failing) {
            throw new StoreUnavailableException("broker away", null);
        }
        commits.add(new Commit(escrowCase, List.copyOf(events)));
    }

    /** What a restarted service replays: every committed record, in order, into a fresh table. */
    EscrowTable replay() {
        EscrowTable table = new EscrowTable();
        commits.forEach(c -> table.apply(c.escrowCase()));
        return table;
    }

    List<AccessEvent> events() {
        return commits.stream().flatMap(c -> c.events().stream()).toList();
    }
}
