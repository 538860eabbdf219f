package dev.ctx.keyservice.lookup;

/**
 * Finds an encrypted transaction and its newest envelope by transaction id, from a view of
 * {@code transactions.encrypted} joined with {@code transactions.envelopes}. Thread-safe.
 */
public interface TransactionLookup {

    /** The current state of {@code transactionId} in the view; never null. */
    LookupResult find(String transactionId);
}
