package dev.ctx.keyservice.lookup;

import java.time.Instant;
import java.util.List;

/**
 * The transactions of one participant, resolved from the lookup view: for erasure (GDPR) and for escrow requests filed
 * by participant and time range. Thread-safe.
 */
public interface ParticipantTransactions {

    /**
     * The ids of the sealed, not shredded transactions the view holds (record and envelope) whose record lists
     * {@code participantId}, in the view's key order, at most {@code limit}.
     *
     * @throws LookupUnavailableException if the view cannot answer now
     */
    default List<String> transactionsOf(String participantId, int limit) {
        return transactionsOf(participantId, Instant.MIN, Instant.MAX, limit);
    }

    /**
     * As {@link #transactionsOf(String, int)}, only transactions whose timestamp is in [{@code from}, {@code to}).
     *
     * @throws LookupUnavailableException if the view cannot answer now
     */
    List<String> transactionsOf(String participantId, Instant from, Instant to, int limit);
}
