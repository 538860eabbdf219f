package dev.ctx.envelope.error;

/** A wrap names a different recipient id or key version than the key offered to open it. */
public class RecipientMismatchException extends EnvelopeException {

    private static final long serialVersionUID = 1L;

    public RecipientMismatchException(String message) {
        super(message);
    }

    public RecipientMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
