package dev.ctx.envelope.error;

/**
 * A receipt, commitment or proof has a malformed byte layout: unknown version byte, wrong length, a scalar not below
 * the group order, or a bit count other than 64. A malformed point is the subclass {@link InvalidPointException}.
 */
public class ReceiptFormatException extends EnvelopeFormatException {

    private static final long serialVersionUID = 1L;

    public ReceiptFormatException(String message) {
        super(message);
    }

    public ReceiptFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
