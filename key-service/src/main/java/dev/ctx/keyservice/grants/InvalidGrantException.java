package dev.ctx.keyservice.grants;

/** The grant request breaks a rule of {@link GrantValidator} (HTTP 400). */
public final class InvalidGrantException extends GrantException {

    private static final long serialVersionUID = 1L;

    public InvalidGrantException(String message) {
        super(message);
    }
}
