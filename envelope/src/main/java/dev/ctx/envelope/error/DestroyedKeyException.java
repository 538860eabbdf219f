package dev.ctx.envelope.error;

/** A destroyed key or DEK handle was used. */
public class DestroyedKeyException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public DestroyedKeyException(String message) {
        super(message);
    }

    public DestroyedKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
