package dev.ctx.cli.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

/**
 * Which entries {@code ctx audit search} prints: every given criterion must hold; a null criterion (or an empty type
 * set) matches everything. Times are the event's timestamp, {@code since} inclusive, {@code until} exclusive.
 *
 * @param transactionId the event's transaction id, exactly
 * @param requester the event's requester, exactly
 * @param since earliest event time (inclusive)
 * @param until latest event time (exclusive)
 * @param types the event types to keep
 */
public record AuditFilter(
        String transactionId, String requester, Instant since, Instant until, Set<AccessEventType> types)
        implements Predicate<AuditEntry> {

    public AuditFilter {
        types = Set.copyOf(types);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since " + since + " is not before --until " + until);
        }
    }

    /** A filter on the time window only. */
    public static AuditFilter window(Instant since, Instant until) {
        return new AuditFilter(null, null, since, until, Set.of());
    }

    /** Whether at least one criterion narrows the search (search refuses to dump the whole log by accident). */
    public boolean narrows() {
        return transactionId != null || requester != null || since != null;
    }

    @Override
    public boolean test(AuditEntry entry) {
        AccessEvent event = entry.event();
        return (transactionId == null || Objects.equals(transactionId, event.getTransactionId()))
                && (requester == null || requester.equals(event.getRequester()))
                && (since == null || !event.getTimestamp().isBefore(since))
                && (until == null || event.getTimestamp().isBefore(until))
                && (types.isEmpty() || types.contains(event.getType()));
    }
}
