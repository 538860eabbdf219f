package dev.ctx.keyservice.grants;

/** A grant operation refused; the message is a client-safe detail (ids and field names, never data). */
public abstract class GrantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected GrantException(String message) {
        super(message);
    }
}
