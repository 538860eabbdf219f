package dev.ctx.keyservice.lookup;

import java.util.List;

/** The transactions of one participant, for erasure (GDPR): resolved from the lookup view. Thread-safe. */
@FunctionalInterface
public interface ParticipantTransactions {

    /**
     * The ids of the sealed, not shredded transactions the view holds (record and envelope) whose record lists
     * {@code participantId}, in the view's key order, at most {@code limit}.
     *
     * @throws LookupUnavailableException if the view cannot answer now
     */
    List<String> transactionsOf(String participantId, int limit);
}
