package dev.ctx.keyservice.escrow;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The escrow requests this instance knows, filled by the replay of {@code escrow-requests}, its follower and this
 * instance's own commits. Applying never goes back: of two records of one request the one that got further is kept
 * (closed beats open, then more opens, then more approvals), so a stale or replayed record the follower reads after
 * this instance's own write cannot undo an approval, an open or a closing. Thread-safe.
 */
public final class EscrowTable {

    private static final Comparator<EscrowCase> OLDEST_FIRST =
            Comparator.comparing(EscrowCase::requestedAt).thenComparing(EscrowCase::requestId);

    private final Map<String, EscrowCase> cases = new ConcurrentHashMap<>();

    /** Takes {@code escrowCase} in unless the known record of the request got further. */
    public void apply(EscrowCase escrowCase) {
        cases.merge(
                escrowCase.requestId(),
                escrowCase,
                (known, incoming) -> incoming.progress() >= known.progress() ? incoming : known);
    }

    /** Forgets a request (its record was deleted or cannot be read): no record, no open. */
    public void remove(String requestId) {
        cases.remove(requestId);
    }

    public Optional<EscrowCase> get(String requestId) {
        return Optional.ofNullable(cases.get(requestId));
    }

    /** The requests filed by {@code requestedBy} (every request when null), oldest first. */
    public List<EscrowCase> list(String requestedBy) {
        return cases.values().stream()
                .filter(c -> requestedBy == null || c.requestedBy().equals(requestedBy))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /** Open requests (FILED, APPROVED, OPENED) at or past their expiry. */
    List<EscrowCase> dueForExpiry(Instant now) {
        return cases.values().stream()
                .filter(c -> !c.state().isClosed() && c.isExpiredAt(now))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /** How many requests are in {@code state}. */
    public long count(EscrowState state) {
        return cases.values().stream().filter(c -> c.state() == state).count();
    }

    public int size() {
        return cases.size();
    }
}
