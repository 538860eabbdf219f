package dev.ctx.keyservice.lookup;

/**
 * The view cannot answer now: it is starting, rebalancing or restoring its store, waiting for its topics, covers only
 * part of the partitions, or the schema registry cannot decode the entry. Retry later; the access endpoint answers
 * HTTP 503. The message names the state, never a transaction's content.
 */
public final class LookupUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LookupUnavailableException(String message) {
        super(message);
    }

    public LookupUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
