package dev.ctx.envelope.error;

/**
 * A receipt carries bytes that are not a valid P-256 point: wrong length, not the compressed SEC1 form, an
 * x-coordinate off the curve or not below the field prime, or the identity (which has no compressed form and would
 * make a commitment or proof trivial).
 */
public class InvalidPointException extends ReceiptFormatException {

    private static final long serialVersionUID = 1L;

    public InvalidPointException(String message) {
        super(message);
    }

    public InvalidPointException(String message, Throwable cause) {
        super(message, cause);
    }
}
