package dev.ctx.keyservice.audit;

/**
 * An access event could not be committed (queue full, broker away, producer fenced, timed out): the request it
 * records fails closed (HTTP 503) and releases no data.
 */
public final class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
