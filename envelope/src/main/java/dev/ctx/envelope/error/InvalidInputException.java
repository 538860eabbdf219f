package dev.ctx.envelope.error;

/**
 * The caller passed an invalid argument (wrong key length, empty or duplicate recipients, schema fingerprint mismatch,
 * ...).
 */
public class InvalidInputException extends EnvelopeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
